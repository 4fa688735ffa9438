package io.tribune.moderation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.tribune.account.User;
import io.tribune.comment.Comment;
import io.tribune.comment.CommentModeration;
import io.tribune.comment.CommentStatus;
import io.tribune.config.TribuneConfig;
import io.tribune.moderation.ModerationAction.Type;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Readers' reports: the rules for making one, and hiding a comment once enough readers reported it. */
@ApplicationScoped
@Transactional
public class ReportService {

    public static final int MAX_NOTE = 500;

    private final TribuneConfig.Moderation rules;
    private final Clock clock;
    private final CommentModeration moderation;
    private final AuditLog audit;

    ReportService(TribuneConfig config, Clock clock, CommentModeration moderation, AuditLog audit) {
        this.rules = config.moderation();
        this.clock = clock;
        this.moderation = moderation;
        this.audit = audit;
    }

    /** A comment the user may report, or why not (as a {@link ModerationRefused}). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Comment reportable(User reporter, long commentId) {
        Comment c = Comment.<Comment>findByIdOptional(commentId)
                .filter(x -> x.status == CommentStatus.VISIBLE && x.article.isPublished())
                .orElseThrow(() -> ModerationRefused.notFound("That comment does not exist or can no longer be reported."));
        reporter.participationBlock().ifPresent(why -> {
            throw ModerationRefused.forbidden(why);
        });
        if (c.author.id.equals(reporter.id)) {
            throw ModerationRefused.forbidden("You cannot report your own comment.");
        }
        if (CommentReport.count("comment = ?1 and reporter = ?2", c, reporter) > 0) {
            throw ModerationRefused.conflict("You have already reported this comment. Thank you — a moderator will look at it.");
        }
        return c;
    }

    public CommentReport report(User reporter, long commentId, ReportReason reason, String note) {
        Comment c = reportable(reporter, commentId);
        if (reason == null) {
            throw ModerationRefused.invalid("Choose a reason.");
        }
        String text = note == null || note.isBlank() ? null : note.strip();
        if (text != null && text.length() > MAX_NOTE) {
            throw ModerationRefused.invalid("The note is at most " + MAX_NOTE + " characters (yours has " + text.length() + ").");
        }
        Instant now = clock.instant();
        long recent = CommentReport.count("reporter = ?1 and createdAt > ?2", reporter, now.minus(Duration.ofDays(1)));
        if (recent >= rules.reportsPerDay()) {
            throw new ModerationRefused(429, "You have made " + recent + " reports in the last 24 hours, the most we accept. "
                    + "Please try again later.");
        }
        CommentReport r = new CommentReport();
        r.comment = c;
        r.reporter = reporter;
        r.reason = reason;
        r.note = text;
        r.createdAt = now;
        r.persist();
        long reporters = CommentReport.count("comment = ?1 and resolvedAt is null", c);
        if (reporters >= rules.reportsToHide() && c.status == CommentStatus.VISIBLE) {
            moderation.setStatus(c, CommentStatus.PENDING);
            audit.record(null, Type.REPORT_THRESHOLD, c.author, c, null, reporters + " readers reported it",
                    "status VISIBLE", "status PENDING");
        }
        return r;
    }
}
