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
        // The usual case is one statement: it checks that the voter may take part (an active account with a verified
        // address, exactly when User.participationBlock() is empty) and that the comment is visible and someone
        // else's, and makes the change. Anything else goes through the checks below, which say why it is refused.
        Object[] row = change(up, true, userId, commentId);
        if (((Number) row[0]).intValue() == 1) {
            return new Tally(commentId, up, ((Number) row[1]).intValue());
        }
        return checkedSet(userId, commentId, up);
    }

    private Tally checkedSet(long userId, long commentId, boolean up) {
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
        return new Tally(commentId, up, ((Number) change(up, false, userId, commentId)[1]).intValue());
    }

    /**
     * One statement: the vote row, and only if it really changed, the counter and the article's vote version (not
     * its thread version: cached pages fill their counts in rather than render again, io.tribune.reading);
     * with {@code checked}, only when the voter and the comment pass the rules. The counter is an increment under
     * the comment's row lock and the (comment, user) key admits one vote, so the count stays exact under
     * concurrency. All parts see the same snapshot, so when nothing changed the count is read as it is.
     * Returns whether the rules passed (1 or 0) and the comment's vote count.
     */
    private Object[] change(boolean up, boolean checked, long userId, long commentId) {
        String allowed = checked
                ? "select c.id from comment c join app_user u on u.id = ?2 where c.id = ?1 and c.status = 'VISIBLE'"
                        + " and c.author_id <> ?2 and u.status = 'ACTIVE' and u.email_verified_at is not null"
                : "select cast(?1 as bigint) as id";
        String change = up
                ? "insert into comment_vote (comment_id, user_id, created_at) select id, ?2, now() from allowed"
                        + " on conflict do nothing returning 1"
                : "delete from comment_vote where comment_id = (select id from allowed) and user_id = ?2 returning 1";
        return (Object[]) em.createNativeQuery("with allowed as (" + allowed + "), changed as (" + change + "),"
                + " counted as (update comment set vote_count = vote_count + ?3 where id = ?1 and exists (select 1 from changed)"
                + "   returning vote_count, article_id),"
                + " bumped as (update article set vote_version = vote_version + 1 where id = (select article_id from counted))"
                + " select (select count(*) from allowed),"
                + " coalesce((select vote_count from counted), (select vote_count from comment where id = ?1))")
                .setParameter(1, commentId).setParameter(2, userId).setParameter(3, up ? 1 : -1).getSingleResult();
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
