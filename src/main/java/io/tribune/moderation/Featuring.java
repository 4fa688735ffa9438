package io.tribune.moderation;

import java.time.Clock;

import io.tribune.account.User;
import io.tribune.account.UserStatus;
import io.tribune.article.Article;
import io.tribune.comment.Comment;
import io.tribune.comment.CommentStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/**
 * Moderators and editors feature a comment (with an optional note) above the article's threads, or stop featuring
 * it; both are in the audit log. The block is the same for every reader, so a change moves the article's thread
 * version and its cached pages are rendered again.
 */
@ApplicationScoped
public class Featuring {

    static final int MAX_NOTE = 500;

    private final AuditLog audit;
    private final EntityManager em;
    private final Clock clock;

    Featuring(AuditLog audit, EntityManager em, Clock clock) {
        this.audit = audit;
        this.em = em;
        this.clock = clock;
    }

    @Transactional
    public Comment feature(User actor, long commentId, String note) {
        requireStaff(actor);
        Comment c = comment(commentId);
        if (c.status != CommentStatus.VISIBLE) {
            throw ModerationRefused.conflict("Only a visible comment can be featured: this one is "
                    + switch (c.status) {
                        case REMOVED -> "removed";
                        case DELETED -> "deleted by its author";
                        default -> "awaiting review";
                    } + ".");
        }
        if (c.featuredAt != null) {
            throw ModerationRefused.conflict("This comment is already featured.");
        }
        String text = note == null ? "" : note.strip();
        if (text.length() > MAX_NOTE || text.indexOf('\u0000') >= 0) {
            throw ModerationRefused.invalid("The note can be at most " + MAX_NOTE + " characters of plain text.");
        }
        c.featuredAt = clock.instant();
        c.featuredNote = text.isEmpty() ? null : text;
        Article.threadsChanged(c.article.id);
        audit.record(actor, ModerationAction.Type.FEATURE, c.author, c, null, c.featuredNote, "not featured", "featured");
        return c;
    }

    @Transactional
    public Comment unfeature(User actor, long commentId) {
        requireStaff(actor);
        Comment c = comment(commentId);
        if (c.featuredAt == null) {
            throw ModerationRefused.conflict("This comment is not featured.");
        }
        c.featuredAt = null;
        c.featuredNote = null;
        Article.threadsChanged(c.article.id);
        audit.record(actor, ModerationAction.Type.UNFEATURE, c.author, c, null, null, "featured", "not featured");
        return c;
    }

    private Comment comment(long id) {
        Comment c = em.find(Comment.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (c == null || !c.article.isPublished()) {
            throw ModerationRefused.notFound("There is no such comment.");
        }
        return c;
    }

    /** Moderators, editors and admins, while their own account is active. */
    static void requireStaff(User actor) {
        if (actor == null || actor.status != UserStatus.ACTIVE
                || !(actor.hasRole("moderator") || actor.hasRole("editor") || actor.hasRole("admin"))) {
            throw ModerationRefused.forbidden("Only moderators and editors can feature comments.");
        }
    }
}
