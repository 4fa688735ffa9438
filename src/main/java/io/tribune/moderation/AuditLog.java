package io.tribune.moderation;

import java.time.Clock;

import io.tribune.account.User;
import io.tribune.comment.Comment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Writes the append-only audit log, always inside the transaction of the action it records. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class AuditLog {

    private final Clock clock;

    AuditLog(Clock clock) {
        this.clock = clock;
    }

    public ModerationAction record(User moderator, ModerationAction.Type action, User target, Comment comment,
            String reasonCode, String reason, String before, String after) {
        ModerationAction a = new ModerationAction();
        a.createdAt = clock.instant();
        a.moderator = moderator;
        a.action = action;
        a.targetUser = target;
        a.targetComment = comment;
        a.reasonCode = reasonCode;
        a.reason = truncate(reason, 1000);
        a.beforeState = truncate(before, 1000);
        a.afterState = truncate(after, 1000);
        a.persist();
        return a;
    }

    static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
