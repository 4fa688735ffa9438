package io.tribune.moderation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.tribune.account.User;
import io.tribune.comment.Comment;
import io.tribune.comment.CommentModeration;
import io.tribune.comment.CommentStatus;
import io.tribune.moderation.ModerationAction.Type;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

/** A moderator's decisions on a comment: approve, remove, restore. Each writes the audit log in the same transaction. */
@ApplicationScoped
@Transactional
public class CommentDecisions {

    public enum Decision {
        APPROVE, REMOVE, RESTORE;

        public static Decision parse(String raw) {
            for (Decision d : values()) {
                if (d.name().equalsIgnoreCase(raw == null ? "" : raw.trim())) {
                    return d;
                }
            }
            throw ModerationRefused.invalid("Choose approve, remove or restore.");
        }
    }

    private final CommentModeration moderation;
    private final AuditLog audit;
    private final UserSanctions sanctions;
    private final Clock clock;
    private final io.tribune.config.TribuneConfig.Moderation rules;
    private final Event<CommentDecided> decided;
    private final Event<ReportResolved> resolved;

    CommentDecisions(CommentModeration moderation, AuditLog audit, UserSanctions sanctions, Clock clock,
            io.tribune.config.TribuneConfig config, Event<CommentDecided> decided, Event<ReportResolved> resolved) {
        this.rules = config.moderation();
        this.decided = decided;
        this.resolved = resolved;
        this.moderation = moderation;
        this.audit = audit;
        this.sanctions = sanctions;
        this.clock = clock;
    }

    /** One entry point for the pages and the API; {@code reason} is a removal reason code for REMOVE. */
    public Comment decide(User actor, long commentId, Decision decision, String reason, String note) {
        return switch (decision) {
            case APPROVE -> approve(actor, commentId, note);
            case REMOVE -> remove(actor, commentId, ReportReason.parse(reason).orElseThrow(() -> ModerationRefused.invalid(
                    "Choose a removal reason: abusive, defamatory, spam, off-topic, illegal or other.")), note);
            case RESTORE -> restore(actor, commentId, note);
        };
    }

    /** The same decision on several comments, all or none (one transaction). Returns how many. */
    public int decideAll(User actor, java.util.List<Long> ids, Decision decision, String reason, String note) {
        for (Long id : ids) {
            decide(actor, id, decision, reason, note);
        }
        return ids.size();
    }

    /** What a bulk removal would do, told to the moderator before it runs. */
    public record BulkPreview(int comments, int authors, int struck, int suspended, int deregistered, String reasonLabel,
            boolean strike) {
    }

    /** Counts, without changing anything, whom removing these comments for {@code reason} would strike and sanction. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public BulkPreview previewRemoval(User actor, java.util.List<Long> ids, String reasonCode) {
        Guard.requireModerator(actor);
        ReportReason reason = ReportReason.parse(reasonCode).orElseThrow(() -> ModerationRefused.invalid(
                "Choose a removal reason: abusive, defamatory, spam, off-topic, illegal or other."));
        java.util.Map<User, Integer> perAuthor = new java.util.LinkedHashMap<>();
        int removable = 0;
        for (Long id : new java.util.LinkedHashSet<>(ids)) {
            Comment c = Comment.findById(id);
            if (c == null || c.status == CommentStatus.REMOVED || c.status == CommentStatus.DELETED) {
                continue;
            }
            removable++;
            perAuthor.merge(c.author, 1, Integer::sum);
        }
        int struck = 0;
        int suspended = 0;
        int deregistered = 0;
        if (reason.strike) {
            java.time.Instant now = clock.instant();
            for (var e : perAuthor.entrySet()) {
                User author = e.getKey();
                struck++;
                long active = Strike.countActive(author, now) + e.getValue();
                if (author.status == io.tribune.account.UserStatus.DEREGISTERED) {
                    continue;
                }
                if (active >= rules.strikesToDeregister()) {
                    deregistered++;
                } else if (active >= rules.strikesToSuspend()) {
                    suspended++;
                }
            }
        }
        return new BulkPreview(removable, perAuthor.size(), struck, suspended, deregistered, reason.label, reason.strike);
    }

    /** Clears the comment's reports; a held (PENDING) comment is published. */
    public Comment approve(User actor, long commentId, String note) {
        Comment c = load(actor, commentId);
        if (c.status == CommentStatus.REMOVED || c.status == CommentStatus.DELETED) {
            throw ModerationRefused.conflict("Comment " + c.id + " is " + c.status.name().toLowerCase() + "; restore it instead.");
        }
        CommentStatus before = moderation.setStatus(c, CommentStatus.VISIBLE);
        int cleared = resolveReports(c, CommentReport.Decision.APPROVED);
        audit.record(actor, Type.APPROVE, c.author, c, null, blankToNull(note),
                "status " + before + ", open reports " + cleared, "status VISIBLE, open reports 0");
        decided.fire(new CommentDecided(c.id, c.author.id, actor.id, CommentDecided.Outcome.APPROVED, null,
                before == CommentStatus.PENDING));
        return c;
    }

    public Comment remove(User actor, long commentId, ReportReason reason, String note) {
        Comment c = load(actor, commentId);
        if (c.status == CommentStatus.REMOVED || c.status == CommentStatus.DELETED) {
            throw ModerationRefused.conflict("Comment " + c.id + " is already " + c.status.name().toLowerCase() + ".");
        }
        CommentStatus before = moderation.setStatus(c, CommentStatus.REMOVED);
        int cleared = resolveReports(c, CommentReport.Decision.REMOVED);
        String why = note == null || note.isBlank() ? reason.label : reason.label + ": " + note.strip();
        audit.record(actor, Type.REMOVE, c.author, c, reason.code, why, "status " + before + ", open reports " + cleared,
                "status REMOVED");
        decided.fire(new CommentDecided(c.id, c.author.id, actor.id, CommentDecided.Outcome.REMOVED, why,
                before == CommentStatus.PENDING));
        if (reason.strike) {
            sanctions.strike(actor, c.author, c, reason);
        }
        return c;
    }

    /**
     * Puts a removed comment back. The strike its removal gave is withdrawn, and an automatic suspension or
     * de-registration that strike caused ends where no other ground remains.
     */
    public Comment restore(User actor, long commentId, String note) {
        Comment c = load(actor, commentId);
        if (c.status != CommentStatus.REMOVED) {
            throw ModerationRefused.conflict("Only a removed comment can be restored.");
        }
        Strike strike = Strike.find("comment = ?1 and revokedAt is null", c).firstResult();
        CommentStatus before = moderation.setStatus(c, CommentStatus.VISIBLE);
        audit.record(actor, Type.RESTORE, c.author, c, null, blankToNull(note), "status " + before,
                "status VISIBLE" + (strike != null ? ", strike withdrawn" : ""));
        decided.fire(new CommentDecided(c.id, c.author.id, actor.id, CommentDecided.Outcome.RESTORED, null, false));
        if (strike != null) {
            sanctions.withdrawStrike(actor, strike, "comment " + c.id + " was restored");
        }
        return c;
    }

    private Comment load(User actor, long commentId) {
        Guard.requireModerator(actor);
        Comment c = Comment.<Comment>findByIdOptional(commentId)
                .orElseThrow(() -> ModerationRefused.notFound("No comment " + commentId + "."));
        Guard.requireMayActOn(actor, c.author);
        return c;
    }

    private int resolveReports(Comment c, CommentReport.Decision decision) {
        List<Long> reporters = CommentReport.<CommentReport>list("comment = ?1 and resolvedAt is null", c).stream()
                .map(r -> r.reporter.id).toList();
        if (!reporters.isEmpty()) {
            resolved.fire(new ReportResolved(c.id, reporters, decision == CommentReport.Decision.REMOVED));
        }
        return CommentReport.update("resolvedAt = ?1, decision = ?2 where comment = ?3 and resolvedAt is null",
                clock.instant(), decision, c);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
