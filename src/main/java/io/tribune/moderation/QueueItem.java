package io.tribune.moderation;

import java.time.Instant;
import java.util.List;

/** A comment in a queue, with what a moderator needs to judge it. */
public record QueueItem(long id, String status, String body, String bodyHtml, Instant createdAt, String authorUsername,
        String authorName, String authorStatus, String articleSlug, String articleHeadline, Long parentId,
        String parentAuthor, String parentExcerpt, List<ReportView> reports, long openReports, Instant editedAt,
        boolean featured, int slowModeSeconds) {

    public record ReportView(String reason, String reasonLabel, String note, String reporter, Instant createdAt,
            boolean open) {
    }

    public boolean removed() {
        return "REMOVED".equals(status);
    }

    public String statusLabel() {
        return status.toLowerCase();
    }

    /** Empty for an active author, else "suspended", "deregistered"... */
    public String authorStatusLabel() {
        return "ACTIVE".equals(authorStatus) ? "" : authorStatus.toLowerCase();
    }

    public boolean hasReports() {
        return !reports.isEmpty();
    }
}
