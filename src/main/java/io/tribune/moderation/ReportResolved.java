package io.tribune.moderation;

import java.util.List;

/** Readers' open reports on a comment were settled by a decision: the comment was removed, or left up. */
public record ReportResolved(long commentId, List<Long> reporterIds, boolean removed) {
}
