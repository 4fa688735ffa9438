package io.tribune.notification;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.tribune.config.NotificationConfig;
import io.tribune.notification.outbox.MailSender;
import io.tribune.web.DatabaseGate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** The up-vote notices, and deleting old notices and sent emails. Safe to run on every instance at once. */
@ApplicationScoped
public class NotificationJobs {

    private static final Logger LOG = Logger.getLogger(NotificationJobs.class);

    private final EntityManager em;
    private final NotificationConfig.Notifications config;
    private final MailSender sender;
    private final DatabaseGate gate;

    NotificationJobs(EntityManager em, NotificationConfig config, MailSender sender, DatabaseGate gate) {
        this.em = em;
        this.config = config.notifications();
        this.sender = sender;
        this.gate = gate;
    }

    @Scheduled(every = "${tribune.notifications.upvote-digest-every}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledDigest() {
        if (gate.isOpen()) {
            try {
                upvoteDigest();
                purge();
            } catch (RuntimeException e) { // the database went away: the next run carries on
                LOG.debugf(e, "Notification housekeeping interrupted");
            }
        }
    }

    /**
     * For each visible comment whose author chose up-vote notices and that others up-voted in the last day: one
     * notice with the number, unless the comment had one in the last day. Returns how many notices were made.
     */
    @Transactional
    public int upvoteDigest() {
        em.createNativeQuery("select pg_advisory_xact_lock(7302)").getSingleResult(); // one instance at a time
        return em.createNativeQuery("insert into notice (user_id, kind, comment_id, text, created_at)"
                + " select u.id, 'UPVOTES', c.id, 'Your comment on “' || a.headline || '” got ' || count(*)"
                + " || case when count(*) = 1 then ' up-vote' else ' up-votes' end || ' in the last day.', now()"
                + " from app_user u join comment c on c.author_id = u.id join comment_vote v on v.comment_id = c.id"
                + " join article a on a.id = c.article_id"
                + " where u.notify_upvotes and u.status <> 'DELETED' and c.status = 'VISIBLE'"
                + " and v.created_at > now() - interval '1 day' and v.user_id <> u.id"
                + " and not exists (select 1 from notice n where n.comment_id = c.id and n.kind = 'UPVOTES'"
                + "   and n.created_at > now() - interval '1 day')"
                + " group by u.id, c.id, a.headline").executeUpdate();
    }

    /** Deletes notices older than tribune.notifications.retention-days and old sent emails. */
    public int purge() {
        int notices = purgeNotices();
        sender.purgeSent();
        return notices;
    }

    @Transactional
    int purgeNotices() {
        return em.createNativeQuery("delete from notice where created_at < now() - make_interval(days => ?1)")
                .setParameter(1, config.retentionDays()).executeUpdate();
    }
}
