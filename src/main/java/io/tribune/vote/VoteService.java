package io.tribune.vote;

import io.tribune.account.User;
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
        // only the columns the rules need (the entity would also load the body and its HTML)
        Object[] comment = (Object[]) em.createNativeQuery("select author_id, status from comment where id = ?1")
                .setParameter(1, commentId).getResultStream().findFirst().orElse(null);
        if (comment == null) {
            throw CommentException.notFound();
        }
        if (user == null) {
            throw CommentException.forbidden("Please log in to vote.");
        }
        user.participationBlock().ifPresent(reason -> {
            throw CommentException.forbidden(reason);
        });
        if (((Number) comment[0]).longValue() == userId) {
            throw CommentException.forbidden("You cannot up-vote your own comment.");
        }
        if (!CommentStatus.VISIBLE.name().equals(comment[1])) {
            throw CommentException.conflict(null, "This comment can no longer be voted on.");
        }
        // One statement: the vote row, and only if it really changed, the counter and the article's thread version.
        // The counter is an increment under the comment's row lock and the (comment, user) key admits one vote, so
        // the count stays exact under concurrency. All parts see the same snapshot, so when nothing changed the last
        // select returns the count as it is.
        String change = up
                ? "insert into comment_vote (comment_id, user_id, created_at) values (?1, ?2, now()) on conflict do nothing returning 1"
                : "delete from comment_vote where comment_id = ?1 and user_id = ?2 returning 1";
        Number votes = (Number) em.createNativeQuery("with changed as (" + change + "),"
                + " counted as (update comment set vote_count = vote_count + ?3 where id = ?1 and exists (select 1 from changed)"
                + "   returning vote_count, article_id),"
                + " bumped as (update article set thread_version = thread_version + 1 where id = (select article_id from counted))"
                + " select coalesce((select vote_count from counted), (select vote_count from comment where id = ?1))")
                .setParameter(1, commentId).setParameter(2, userId).setParameter(3, up ? 1 : -1).getSingleResult();
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
