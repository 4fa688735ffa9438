package io.tribune.account;

import java.time.Instant;
import java.util.List;

/** "Download my data": everything Tribune holds about the user, as JSON. */
public record AccountExport(Profile profile, List<CommentData> comments, List<VoteData> votes, List<Object> reports,
        List<Object> moderation,
        List<Object> notifications, List<Object> muted) {

    public record Profile(String username, String displayName, String email, String bio, Instant memberSince,
            Instant emailVerifiedAt, List<String> roles, String status, boolean notifyReplies, boolean notifyModeration,
            boolean notifyMentions, boolean notifyReports, boolean notifyUpvotes) {
    }

    /** {@code revisions}: the earlier texts of an edited comment, oldest first. */
    public record CommentData(long id, String article, String articleHeadline, Long parentId, String body, String status,
            Instant createdAt, Instant editedAt, int votes, List<RevisionData> revisions) {
    }

    public record RevisionData(String body, Instant writtenAt, Instant replacedAt) {
    }

    public record VoteData(long commentId, Instant createdAt) {
    }
}
