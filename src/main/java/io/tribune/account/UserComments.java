package io.tribune.account;

import java.time.Instant;
import java.util.List;

/**
 * The comments a user wrote, as the account pages need them (the profile, "Download my data", deleting the
 * account). Implemented by the comment feature, so that accounts do not depend on comments.
 */
public interface UserComments {

    /** A line of the profile's latest comments. */
    record Latest(long id, String articleHeadline, String excerpt, Instant createdAt) {
    }

    /** Visible comments on published articles. */
    long visibleCount(long userId);

    /** The newest visible comments on published articles, newest first. */
    List<Latest> latest(long userId, int limit);

    /** Every comment the user wrote, oldest first, for the data export. */
    List<AccountExport.CommentData> export(long userId);

    /** Deletes every comment of the user (text erased, counts kept right), inside the caller's transaction. */
    void deleteAll(long userId);
}
