package io.tribune.comment;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.tribune.account.User;
import io.tribune.article.Article;
import io.tribune.article.CommentWindow;
import io.tribune.config.TribuneConfig;
import io.tribune.markdown.MarkdownRenderer;
import io.tribune.web.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/** Posting, editing and deleting comments, with every rule that guards them. Each method is one transaction. */
@ApplicationScoped
public class CommentService {

    private final TribuneConfig config;
    private final MarkdownRenderer markdown;
    private final Instance<CommentScreen> screens;
    private final EntityManager em;
    private final CommentWindow commentWindow;
    private final Event<CommentPosted> posted;

    CommentService(TribuneConfig config, MarkdownRenderer markdown, Instance<CommentScreen> screens, EntityManager em,
            CommentWindow commentWindow, Event<CommentPosted> posted) {
        this.commentWindow = commentWindow;
        this.posted = posted;
        this.config = config;
        this.markdown = markdown;
        this.screens = screens;
        this.em = em;
    }

    /** A new comment or reply. Returns the stored comment; its status is PENDING when a screen held it. */
    @Transactional
    public Posted post(long userId, long articleId, Long parentId, String rawBody) {
        return post(lockAuthor(userId), em.find(Article.class, articleId), parentId, rawBody);
    }

    /** The same for the article with this slug (the JSON API), looked up in the same transaction. */
    @Transactional
    public Posted post(long userId, String slug, Long parentId, String rawBody) {
        User author = lockAuthor(userId);
        // native: on this hot path Hibernate rebuilt the HQL query's plan on every execution
        Article article = (Article) em.createNativeQuery("select * from article where slug = ?1", Article.class)
                .setParameter(1, slug).getResultStream().findFirst().orElse(null);
        return post(author, article, parentId, rawBody);
    }

    // Locking the author's row serializes one user's posts, so flood control holds under concurrent requests.
    private User lockAuthor(long userId) {
        User author = em.find(User.class, userId, LockModeType.PESSIMISTIC_WRITE);
        if (author == null) {
            throw CommentException.forbidden("Please log in to comment.");
        }
        author.participationBlock().ifPresent(reason -> {
            throw CommentException.forbidden(reason);
        });
        return author;
    }

    private Posted post(User author, Article article, Long parentId, String rawBody) {
        if (article == null || !article.isPublished()) {
            throw new CommentException(404, null, "There is no such article.");
        }
        if (!isOpen(article)) {
            throw CommentException.forbidden("Comments are closed on this article.");
        }
        String body = validBody(rawBody);
        Comment parent = null;
        if (parentId != null) {
            parent = Comment.findById(parentId);
            if (parent == null || !parent.article.id.equals(article.id)) {
                throw CommentException.conflict("parentId", "The comment you are replying to is not part of this article.");
            }
            checkRepliable(parent);
        }
        checkSlowMode(author, article);
        checkFlood(author, body);
        CommentScreen.Verdict verdict = screen(author, body);
        if (verdict.outcome() == CommentScreen.Outcome.REFUSE) {
            throw CommentException.invalid(verdict.message());
        }

        Comment c = new Comment();
        c.article = article;
        c.author = author;
        c.body = body;
        c.bodyHtml = markdown.comment(body);
        c.createdAt = Instant.now();
        c.status = verdict.outcome() == CommentScreen.Outcome.HOLD ? CommentStatus.PENDING : CommentStatus.VISIBLE;
        if (parent != null) {
            c.parentId = parent.id;
            c.rootId = parent.rootId;
            c.depth = (short) Math.min(parent.depth + 1, config.comments().maxDepth());
        }
        c.persist(); // the id generator makes a top-level comment its own root
        Article.threadsChanged(article.id, c.status == CommentStatus.VISIBLE ? 1 : 0);
        posted.fire(new CommentPosted(c.id, author.id, parent == null ? null : parent.author.id, article.id,
                c.status == CommentStatus.VISIBLE, markdown.mentions(body)));
        return new Posted(c, verdict.outcome() == CommentScreen.Outcome.HOLD ? verdict.message() : null);
    }

    /** The stored comment, and the message to show when it was held for review. */
    public record Posted(Comment comment, String heldMessage) {
    }

    /** The author edits the text within the edit window; the previous text is kept as a revision. */
    @Transactional
    public Comment edit(long userId, long commentId, String rawBody) {
        Comment c = ownComment(userId, commentId);
        checkEditable(c);
        if (!withinEditWindow(c)) {
            throw CommentException.forbidden("Comments can only be edited for " + config.comments().editMinutes()
                    + " minutes after posting.");
        }
        c.author.participationBlock().ifPresent(reason -> {
            throw CommentException.forbidden(reason);
        });
        String body = validBody(rawBody);
        if (body.equals(c.body)) {
            return c;
        }
        CommentScreen.Verdict verdict = screen(c.author, body);
        if (verdict.outcome() == CommentScreen.Outcome.REFUSE) {
            throw CommentException.invalid(verdict.message());
        }
        CommentRevision revision = new CommentRevision();
        revision.commentId = c.id;
        revision.body = c.body;
        revision.writtenAt = c.editedAt != null ? c.editedAt : c.createdAt;
        revision.persist();
        c.body = body;
        c.bodyHtml = markdown.comment(body);
        c.editedAt = Instant.now();
        boolean held = verdict.outcome() == CommentScreen.Outcome.HOLD;
        if (held) {
            c.status = CommentStatus.PENDING;
        }
        Article.threadsChanged(c.article.id, held ? -1 : 0);
        return c;
    }

    /**
     * The author deletes a comment: it keeps its place as a placeholder while it has replies. A comment a moderator
     * removed is refused: it must stay in the removed queue, where it can be reviewed and restored.
     */
    @Transactional
    public Comment delete(long userId, long commentId) {
        Comment c = ownComment(userId, commentId);
        if (c.status == CommentStatus.DELETED) {
            return c;
        }
        checkDeletable(c);
        Article.threadsChanged(c.article.id, c.status == CommentStatus.VISIBLE ? -1 : 0);
        c.status = CommentStatus.DELETED;
        return c;
    }

    /** Refuses a reply to a comment that is not visible (removed, deleted or awaiting review). */
    public void checkRepliable(Comment parent) {
        if (parent.status != CommentStatus.VISIBLE) {
            throw CommentException.conflict("parentId",
                    "You cannot reply to a comment that was removed, deleted or is awaiting moderation.");
        }
    }

    /** Refuses, with the reason, a deletion the author may not make (see {@link #delete}). */
    public void checkDeletable(Comment c) {
        if (c.status == CommentStatus.REMOVED) {
            throw CommentException.conflict(null, "A moderator removed this comment, so it cannot be deleted: it stays"
                    + " on record, where a moderator can review it and restore it.");
        }
    }

    /** Refuses, with the reason, an edit of a comment that is not visible (removed, deleted or awaiting review). */
    public void checkEditable(Comment c) {
        if (c.status != CommentStatus.VISIBLE) {
            throw CommentException.conflict(null, "Only a visible comment can be edited.");
        }
    }

    public boolean isOpen(Article article) {
        return commentWindow.isOpen(article);
    }

    public boolean withinEditWindow(Comment c) {
        return Instant.now().isBefore(c.createdAt.plus(Duration.ofMinutes(config.comments().editMinutes())));
    }

    public List<CommentRevision> revisions(long commentId) {
        return CommentRevision.list("commentId = ?1 order by replacedAt", commentId);
    }

    private Comment ownComment(long userId, long commentId) {
        Comment c = em.find(Comment.class, commentId, LockModeType.PESSIMISTIC_WRITE);
        if (c == null) {
            throw CommentException.notFound();
        }
        if (!c.author.id.equals(userId)) {
            throw CommentException.forbidden("You can only change your own comments.");
        }
        org.hibernate.Hibernate.initialize(c.article); // callers render links to it after the transaction
        return c;
    }

    private String validBody(String raw) {
        // Browsers send a textarea's line breaks as CRLF but count them as one character for its maxlength, which
        // is the configured maximum: stored with LF, a comment the form lets through is never "too long" here.
        String body = raw == null ? "" : raw.replace("\r\n", "\n").replace('\r', '\n').strip();
        if (body.isEmpty()) {
            throw CommentException.invalid("Please write something before posting.");
        }
        int max = config.comments().maxLength();
        int length = body.codePointCount(0, body.length());
        if (length > max) {
            throw CommentException.invalid("Comments can be at most " + max + " characters; this one has " + length + ".");
        }
        if (body.indexOf('\u0000') >= 0) {
            throw CommentException.invalid("The comment contains characters that cannot be stored.");
        }
        return body;
    }

    /**
     * Slow mode: one comment (or reply) per person per interval on this article. Moderators, editors and admins are
     * exempt, so they can still answer in a heated thread.
     */
    private void checkSlowMode(User author, Article article) {
        int interval = article.slowModeSeconds;
        if (interval <= 0 || author.hasRole("moderator") || author.hasRole("editor") || author.hasRole("admin")) {
            return;
        }
        Instant now = Instant.now();
        Instant last = SqlValues.instant(em.createNativeQuery("select max(created_at) from comment"
                + " where author_id = ?1 and article_id = ?2 and created_at > ?3")
                .setParameter(1, author.id).setParameter(2, article.id).setParameter(3, now.minusSeconds(interval))
                .getSingleResult());
        if (last != null) {
            throw CommentException.tooSoon(SlowMode.tooSoon(Duration.between(now, last.plusSeconds(interval))));
        }
    }

    private void checkFlood(User author, String body) {
        Instant now = Instant.now();
        int flood = config.comments().floodSeconds();
        Instant duplicateSince = now.minus(Duration.ofMinutes(config.comments().duplicateWindowMinutes()));
        Instant floodSince = now.minusSeconds(flood);
        // One statement for both rules, over the author's comments in the longer of the two windows (an index-only
        // range scan of comment_author_recent_idx); native, as Hibernate rebuilt the HQL plan on every execution.
        Object[] recent = (Object[]) em.createNativeQuery("select max(created_at),"
                + " count(*) filter (where body = ?1 and created_at > ?2)"
                + " from comment where author_id = ?3 and created_at > ?4")
                .setParameter(1, body).setParameter(2, duplicateSince).setParameter(3, author.id)
                .setParameter(4, floodSince.isBefore(duplicateSince) ? floodSince : duplicateSince)
                .getSingleResult();
        Instant last = SqlValues.instant(recent[0]);
        if (last != null && last.isAfter(floodSince)) {
            long wait = Math.max(1, Duration.between(now, last.plusSeconds(flood)).toSeconds() + 1);
            throw CommentException.tooSoon("You are commenting too fast. Please wait " + wait + " seconds and post again.");
        }
        if (((Number) recent[1]).longValue() > 0) {
            throw CommentException.conflict("body", "You already posted this exact comment a moment ago.");
        }
    }

    private CommentScreen.Verdict screen(User author, String body) {
        CommentScreen.Verdict strictest = CommentScreen.Verdict.PUBLISH;
        for (CommentScreen screen : screens) {
            CommentScreen.Verdict verdict = screen.screen(author, body);
            if (verdict.outcome().ordinal() > strictest.outcome().ordinal()) {
                strictest = verdict;
            }
        }
        return strictest;
    }
}
