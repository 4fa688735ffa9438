package io.tribune.reading;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.tribune.account.User;
import io.tribune.account.UserStatus;
import io.tribune.web.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * What one logged-in reader's article page shows of them, read in one indexed statement whatever the number of
 * comments: whether they may take part (status, verified address, suspension), their up-votes among the page's
 * article's comments (by the vote table's user index), whether they have a comment on the article that is held for review, the
 * people they muted and when they last opened the article (both by primary key).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
class ReaderStates {

    /** {@code blockReason} is null when the reader may comment, vote and report. */
    record State(String blockReason, Set<Long> voted, boolean heldCommentHere, Set<Long> muted, Instant lastVisit) {
    }

    private static final String QUERY = """
            select u.status, u.suspended_until, u.email_verified_at,
                   (select string_agg(v.comment_id::text, ',') from comment_vote v join comment c on c.id = v.comment_id
                     where v.user_id = u.id and c.article_id = ?2),
                   exists (select 1 from comment c where c.author_id = u.id and c.article_id = ?2 and c.status = 'PENDING'),
                   (select string_agg(m.muted_id::text, ',') from user_mute m where m.muter_id = u.id),
                   (select av.visited_at from article_visit av where av.user_id = u.id and av.article_id = ?2)
              from app_user u where u.id = ?1""";

    private final EntityManager em;

    ReaderStates(EntityManager em) {
        this.em = em;
    }

    Optional<State> read(long userId, long articleId) {
        List<?> rows = em.createNativeQuery(QUERY).setParameter(1, userId).setParameter(2, articleId)
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        // the entity's own rule says why someone may not take part; this copy is never persisted
        User rules = new User();
        rules.status = UserStatus.valueOf((String) row[0]);
        rules.suspendedUntil = SqlValues.instant(row[1]);
        rules.emailVerifiedAt = SqlValues.instant(row[2]);
        return Optional.of(new State(rules.participationBlock().orElse(null), ids(row[3]), Boolean.TRUE.equals(row[4]),
                ids(row[5]), SqlValues.instant(row[6])));
    }

    private static Set<Long> ids(Object commaSeparated) {
        Set<Long> ids = new HashSet<>();
        if (commaSeparated != null) {
            for (String id : ((String) commaSeparated).split(",")) {
                ids.add(Long.valueOf(id));
            }
        }
        return ids;
    }
}
