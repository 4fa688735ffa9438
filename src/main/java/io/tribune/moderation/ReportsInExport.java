package io.tribune.moderation;

import java.time.Instant;
import java.util.List;

import io.tribune.account.PersonalData;
import jakarta.enterprise.context.ApplicationScoped;

/** The reports a user made and the moderation decisions about them, for their "Download my data" file. */
@ApplicationScoped
public class ReportsInExport implements PersonalData {

    public record ReportMade(long commentId, String reason, String note, Instant createdAt) {
    }

    /** A decision about the user, with the appeal against it, if any. */
    public record Decision(Instant at, String action, String reasonCode, String reason, Long commentId, String commentText,
            Appeal appeal) {
    }

    public record Appeal(Instant filedAt, String text, String outcome, Instant decidedAt, String decisionReason) {
    }

    @Override
    public List<?> moderationHistoryOf(long userId) {
        java.util.Map<Long, io.tribune.moderation.Appeal> appeals = new java.util.HashMap<>();
        io.tribune.moderation.Appeal.<io.tribune.moderation.Appeal>list("user.id", userId).forEach(a -> appeals.put(a.action.id, a));
        return ModerationAction.<ModerationAction>find("select a from ModerationAction a left join fetch a.targetComment "
                + "where a.targetUser.id = ?1 and a.action in ?2 order by a.createdAt, a.id", userId, MyModerationPage.SHOWN)
                .stream().map(a -> {
                    io.tribune.moderation.Appeal p = appeals.get(a.id);
                    return new Decision(a.createdAt, a.action.name().toLowerCase(), a.reasonCode, a.reason,
                            a.targetComment == null ? null : a.targetComment.id,
                            a.targetComment == null ? null : a.targetComment.body,
                            p == null ? null : new Appeal(p.createdAt, p.body, p.outcome == null ? "open" : p.outcome.name().toLowerCase(),
                                    p.decidedAt, p.decisionReason));
                }).toList();
    }

    @Override
    public List<?> reportsMadeBy(long userId) {
        return CommentReport.<CommentReport>find("reporter.id = ?1 order by createdAt", userId).stream()
                .map(r -> new ReportMade(r.comment.id, r.reason.name().toLowerCase(), r.note, r.createdAt))
                .toList();
    }
}
