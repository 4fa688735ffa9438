package io.tribune.notification;

import java.time.Instant;
import java.util.List;

import io.tribune.account.User;
import io.tribune.config.NotificationConfig;
import io.tribune.web.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** A user's notices: the page, the unread count, marking read, and one-click unsubscribing. */
@ApplicationScoped
public class NoticeService {

    /** One line of /notifications; {@code actorUsername} is null when the actor is not to be linked. */
    public record Entry(long id, String kind, String actorName, String actorUsername, String text, Instant createdAt,
            boolean unread, Long commentId) {
    }

    public record Page(List<Entry> entries, int page, boolean hasNext, long unread) {
        public int nextPage() {
            return page + 1;
        }

        public int previousPage() {
            return page - 1;
        }
    }

    private final EntityManager em;
    private final NotificationConfig.Notifications config;

    NoticeService(EntityManager em, NotificationConfig config) {
        this.em = em;
        this.config = config.notifications();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page page(long userId, int page) {
        int size = config.pageSize();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select n.id, n.kind, a.display_name, a.username, a.status, n.text,"
                + " n.created_at, n.read_at, n.comment_id from notice n left join app_user a on a.id = n.actor_id"
                + " where n.user_id = ?1 order by n.created_at desc, n.id desc limit ?2 offset ?3")
                .setParameter(1, userId).setParameter(2, size + 1).setParameter(3, (long) (page - 1) * size)
                .getResultList();
        List<Entry> entries = rows.stream().limit(size).map(r -> {
            boolean linkable = r[3] != null && !"DELETED".equals(r[4]);
            return new Entry(((Number) r[0]).longValue(), (String) r[1], (String) r[2], linkable ? (String) r[3] : null,
                    (String) r[5], SqlValues.instant(r[6]), r[7] == null, r[8] == null ? null : ((Number) r[8]).longValue());
        }).toList();
        return new Page(entries, page, rows.size() > size, unread(userId));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long unread(long userId) {
        return ((Number) em.createNativeQuery("select count(*) from notice where user_id = ?1 and read_at is null")
                .setParameter(1, userId).getSingleResult()).longValue();
    }

    @Transactional
    public int markAllRead(long userId) {
        return em.createNativeQuery("update notice set read_at = now() where user_id = ?1 and read_at is null")
                .setParameter(1, userId).executeUpdate();
    }

    /** Marks one of the user's own notices read; false when there is no such notice of theirs. */
    @Transactional
    public boolean markRead(long userId, long noticeId) {
        return em.createNativeQuery("update notice set read_at = coalesce(read_at, now()) where id = ?1 and user_id = ?2")
                .setParameter(1, noticeId).setParameter(2, userId).executeUpdate() == 1;
    }

    /** Whether the user of a valid unsubscribe token still receives that kind of email (false: already stopped). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean receives(UnsubscribeTokens.Grant grant) {
        User user = User.findById(grant.userId());
        return user != null && grant.kind().chosenBy(user);
    }

    /** Stops one kind of email for the token's user; the token was checked by the caller. */
    @Transactional
    public void unsubscribe(UnsubscribeTokens.Grant grant) {
        User user = User.findById(grant.userId());
        if (user != null) {
            grant.kind().stopFor(user);
        }
    }
}
