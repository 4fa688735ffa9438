package io.tribune.vote;

import io.tribune.account.User;
import io.tribune.comment.Comment;
import io.tribune.comment.CommentException;
import io.tribune.comment.CommentStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Up-votes. The (comment, user) primary key makes a second vote impossible, and the stored counter changes in the
 * same transaction and only when a row was really inserted or deleted, so counts stay exact under concurrency.
 */
@ApplicationScoped
public class VoteService {

    public record Tally(long commentId, boolean voted, int votes) {
    }

    private final EntityManager em;

    VoteService(EntityManager em) {
        this.em = em;
    }

    @Transactional
    public Tally set(long userId, long commentId, boolean up) {
        User user = em.find(User.class, userId);
        Comment comment = em.find(Comment.class, commentId);
        if (comment == null) {
            throw CommentException.notFound();
        }
        if (user == null) {
            throw CommentException.forbidden("Please log in to vote.");
        }
        user.participationBlock().ifPresent(reason -> {
            throw CommentException.forbidden(reason);
        });
        if (comment.author.id.equals(userId)) {
            throw CommentException.forbidden("You cannot up-vote your own comment.");
        }
        if (comment.status != CommentStatus.VISIBLE) {
            throw CommentException.conflict(null, "This comment can no longer be voted on.");
        }
        int changed = up
                ? em.createNativeQuery("insert into comment_vote (comment_id, user_id, created_at) values (?1, ?2, now())"
                        + " on conflict do nothing").setParameter(1, commentId).setParameter(2, userId).executeUpdate()
                : em.createNativeQuery("delete from comment_vote where comment_id = ?1 and user_id = ?2")
                        .setParameter(1, commentId).setParameter(2, userId).executeUpdate();
        if (changed == 1) {
            em.createNativeQuery("update comment set vote_count = vote_count + ?1 where id = ?2")
                    .setParameter(1, up ? 1 : -1).setParameter(2, commentId).executeUpdate();
            io.tribune.article.Article.threadsChanged(comment.article.id);
        }
        Number votes = (Number) em.createNativeQuery("select vote_count from comment where id = ?1")
                .setParameter(1, commentId).getSingleResult();
        return new Tally(commentId, up, votes.intValue());
    }

    /** Votes the other way from the user's current vote. */
    @Transactional
    public Tally toggle(long userId, long commentId) {
        return set(userId, commentId, !hasVoted(userId, commentId));
    }

    public boolean hasVoted(long userId, long commentId) {
        return ((Number) em.createNativeQuery("select count(*) from comment_vote where comment_id = ?1 and user_id = ?2")
                .setParameter(1, commentId).setParameter(2, userId).getSingleResult()).intValue() > 0;
    }
}
