package io.tribune.account;

import java.util.List;

/**
 * Personal data kept by other features (moderation: the reports a user made, the decisions about them), added to "Download my data" without
 * accounts depending on those features.
 */
public interface PersonalData {

    /** The reports this user made, as JSON-ready records. */
    List<?> reportsMadeBy(long userId);

    /** The moderation decisions about this user (and their appeals), as they see them on /settings/moderation. */
    default List<?> moderationHistoryOf(long userId) {
        return List.of();
    }
}
