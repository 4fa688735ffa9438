package io.tribune.moderation;

import java.time.Instant;
import java.util.List;

import io.tribune.account.PersonalData;
import jakarta.enterprise.context.ApplicationScoped;

/** The reports a user made, for their "Download my data" file. */
@ApplicationScoped
public class ReportsInExport implements PersonalData {

    public record ReportMade(long commentId, String reason, String note, Instant createdAt) {
    }

    @Override
    public List<?> reportsMadeBy(long userId) {
        return CommentReport.<CommentReport>find("reporter.id = ?1 order by createdAt", userId).stream()
                .map(r -> new ReportMade(r.comment.id, r.reason.name().toLowerCase(), r.note, r.createdAt))
                .toList();
    }
}
