package io.tribune.account;

import java.util.List;

/**
 * Personal data kept by other features (moderation: the reports a user made), added to "Download my data" without
 * accounts depending on those features.
 */
public interface PersonalData {

    /** The reports this user made, as JSON-ready records. */
    List<?> reportsMadeBy(long userId);
}
