package io.tribune.moderation;

import io.tribune.account.User;
import io.tribune.article.Article;
import io.tribune.article.CommentWindow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** A moderator closes or reopens the comments of an article (when a debate turns sour), with an audit entry. */
@ApplicationScoped
public class ThreadSwitch {

    private final AuditLog audit;
    private final CommentWindow commentWindow;

    ThreadSwitch(AuditLog audit, CommentWindow commentWindow) {
        this.audit = audit;
        this.commentWindow = commentWindow;
    }

    @Transactional
    public void set(User moderator, String articleSlug, boolean open, String reason) {
        Article article = Article.<Article>find("slug", articleSlug == null ? "" : articleSlug).firstResultOptional()
                .orElseThrow(() -> ModerationRefused.notFound("There is no such article."));
        String why = reason == null ? "" : reason.strip();
        if (!open && why.isEmpty()) {
            throw ModerationRefused.invalid("Say why the comments are being closed.");
        }
        // reopening is explicit: it also lifts the age rule (tribune.comments.close-after-days)
        boolean keptOpen = article.commentsOpen && article.commentsKeepOpen;
        if (open ? keptOpen : !article.commentsOpen) {
            return;
        }
        String before = "comments " + (commentWindow.isOpen(article) ? "open" : "closed") + " on " + article.slug;
        article.commentsOpen = open;
        article.commentsKeepOpen = open;
        audit.record(moderator, open ? ModerationAction.Type.COMMENTS_OPENED : ModerationAction.Type.COMMENTS_CLOSED,
                null, null, null, why, before, "comments " + (open ? "open" : "closed") + " on " + article.slug);
    }
}
