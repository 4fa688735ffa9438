package io.tribune.comment;

import io.tribune.article.Article;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Status changes made by moderators, keeping the article's stored comment count right. The moderation feature
 * calls these inside its own transaction, together with its audit log entry.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class CommentModeration {

    /** Sets the status and returns the previous one. */
    public CommentStatus setStatus(Comment comment, CommentStatus status) {
        CommentStatus before = comment.status;
        if (before == status) {
            return before;
        }
        int delta = before == CommentStatus.VISIBLE ? -1 : status == CommentStatus.VISIBLE ? 1 : 0;
        if (delta != 0) {
            // an atomic update: concurrent posts and moderation never lose a count
            Article.update("commentCount = commentCount + ?1 where id = ?2", delta, comment.article.id);
        }
        comment.status = status;
        Article.threadsChanged(comment.article.id);
        return before;
    }
}
