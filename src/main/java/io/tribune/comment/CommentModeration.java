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
        Article article = comment.article;
        if (before == CommentStatus.VISIBLE) {
            article.commentCount--;
        } else if (status == CommentStatus.VISIBLE) {
            article.commentCount++;
        }
        comment.status = status;
        return before;
    }
}
