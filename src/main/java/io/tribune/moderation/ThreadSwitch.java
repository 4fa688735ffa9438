package io.tribune.moderation;

import io.tribune.account.User;
import io.tribune.article.Article;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** A moderator closes or reopens the comments of an article (when a debate turns sour), with an audit entry. */
@ApplicationScoped
public class ThreadSwitch {

    private final AuditLog audit;

    ThreadSwitch(AuditLog audit) {
        this.audit = audit;
    }

    @Transactional
    public void set(User moderator, String articleSlug, boolean open, String reason) {
        Article article = Article.<Article>find("slug", articleSlug == null ? "" : articleSlug).firstResultOptional()
                .orElseThrow(() -> ModerationRefused.notFound("There is no such article."));
        String why = reason == null ? "" : reason.strip();
        if (!open && why.isEmpty()) {
            throw ModerationRefused.invalid("Say why the comments are being closed.");
        }
        if (article.commentsOpen == open) {
            return;
        }
        String before = "comments " + (article.commentsOpen ? "open" : "closed") + " on " + article.slug;
        article.commentsOpen = open;
        audit.record(moderator, open ? ModerationAction.Type.COMMENTS_OPENED : ModerationAction.Type.COMMENTS_CLOSED,
                null, null, null, why, before, "comments " + (open ? "open" : "closed") + " on " + article.slug);
    }
}
