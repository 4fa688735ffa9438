package io.tribune.reading;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.tribune.account.User;
import io.tribune.account.UserStatus;
import io.tribune.web.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * What one logged-in reader's article page shows of them, read in one indexed statement whatever the number of
 * comments: whether they may take part (status, verified address, suspension), their up-votes among the page's
 * comments (the vote table's primary key), and whether they have a comment on the article that is held for review.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
class ReaderStates {

    /** {@code blockReason} is null when the reader may comment, vote and report. */
    record State(String blockReason, Set<Long> voted, boolean heldCommentHere) {
    }

    private static final String QUERY = """
            select u.status, u.suspended_until, u.email_verified_at,
                   (select string_agg(v.comment_id::text, ',') from comment_vote v
                     where v.user_id = u.id and v.comment_id = any(cast(?2 as bigint[]))),
                   exists (select 1 from comment c where c.author_id = u.id and c.article_id = ?3 and c.status = 'PENDING')
              from app_user u where u.id = ?1""";

    private final EntityManager em;

    ReaderStates(EntityManager em) {
        this.em = em;
    }

    Optional<State> read(long userId, long articleId, List<Long> commentIds) {
        String ids = commentIds.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
        List<?> rows = em.createNativeQuery(QUERY).setParameter(1, userId).setParameter(2, ids)
                .setParameter(3, articleId).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        // the entity's own rule says why someone may not take part; this copy is never persisted
        User rules = new User();
        rules.status = UserStatus.valueOf((String) row[0]);
        rules.suspendedUntil = SqlValues.instant(row[1]);
        rules.emailVerifiedAt = SqlValues.instant(row[2]);
        Set<Long> voted = new HashSet<>();
        if (row[3] != null) {
            for (String id : ((String) row[3]).split(",")) {
                voted.add(Long.valueOf(id));
            }
        }
        return Optional.of(new State(rules.participationBlock().orElse(null), voted, Boolean.TRUE.equals(row[4])));
    }
}
