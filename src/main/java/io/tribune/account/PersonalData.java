package io.tribune.account;

import java.util.List;

/**
 * Personal data kept by other features (moderation: the reports a user made, the decisions about them), added to "Download my data" without
 * accounts depending on those features.
 */
public interface PersonalData {

    /** The reports this user made, as JSON-ready records. */
    default List<?> reportsMadeBy(long userId) {
        return List.of();
    }

    /** The notices shown to this user in the site, as JSON-ready records. */
    default List<?> noticesFor(long userId) {
        return List.of();
    }

    /** The moderation decisions about this user (and their appeals), as they see them on /settings/moderation. */
    default List<?> moderationHistoryOf(long userId) {
        return List.of();
    }

    /** The people this user muted (only they ever see it). */
    default List<?> mutesOf(long userId) {
        return List.of();
    }
}
