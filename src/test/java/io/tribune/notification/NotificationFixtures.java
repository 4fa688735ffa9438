package io.tribune.notification;

import java.util.List;

import io.tribune.account.User;
import io.tribune.notification.outbox.OutboxMail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Reads and prepares notification rows for tests, each call its own transaction. */
@ApplicationScoped
public class NotificationFixtures {

    private final EntityManager em;

    NotificationFixtures(EntityManager em) {
        this.em = em;
    }

    @Transactional
    public List<Notice> notices(long userId) {
        return Notice.list("userId = ?1 order by id", userId);
    }

    @Transactional
    public List<OutboxMail> outbox(String recipient) {
        return OutboxMail.list("recipient = ?1 order by id", recipient);
    }

    @Transactional
    public User user(String username) {
        return User.findByUsername(username).orElseThrow();
    }

    @Transactional
    public void choose(long userId, boolean replies, boolean mentions, boolean moderation, boolean reports) {
        User u = User.findById(userId);
        u.notifyReplies = replies;
        u.notifyMentions = mentions;
        u.notifyModeration = moderation;
        u.notifyReports = reports;
    }

    /** Makes the recipient's batched emails due now, as if the batch window had passed. */
    @Transactional
    public void batchesDue(String recipient) {
        em.createNativeQuery("update mail_outbox set next_attempt_at = now() - interval '1 second' where recipient = ?1"
                + " and status = 'PENDING'").setParameter(1, recipient).executeUpdate();
    }

    @Transactional
    public void sql(String statement) {
        em.createNativeQuery(statement).executeUpdate();
    }
}
