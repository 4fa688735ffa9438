package io.tribune.notification.outbox;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.tribune.config.NotificationConfig;
import io.tribune.web.DatabaseGate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Delivers the outbox. Rows are claimed in a short transaction of their own ({@code FOR UPDATE SKIP LOCKED}, status
 * SENDING), sent, then marked SENT, or put back with an exponential backoff and the error; after
 * {@code tribune.mail.give-up-after} an email is marked FAILED. A claimed row is invisible to every other sender, on
 * this instance or another, so no row is sent twice; only a sender that dies between sending and marking leaves its
 * row to be tried again after {@code tribune.mail.claim-timeout}.
 */
@ApplicationScoped
public class MailSender {

    private static final Logger LOG = Logger.getLogger(MailSender.class);

    /** One claimed email. */
    record Claimed(long id, String to, String subject, String body, String unsubscribeUrl, int attempts) {
    }

    private final Mailer mailer;
    private final EntityManager em;
    private final NotificationConfig.Mail config;
    private final DatabaseGate gate;
    private final AtomicLong pending = new AtomicLong();
    private final Counter sent;
    private final Counter failed;
    private final Counter retried;

    MailSender(Mailer mailer, EntityManager em, NotificationConfig config, DatabaseGate gate, MeterRegistry registry) {
        this.mailer = mailer;
        this.em = em;
        this.config = config.mail();
        this.gate = gate;
        registry.gauge("tribune.mail.outbox.pending", pending);
        this.sent = Counter.builder("tribune.mail.sent").description("Emails handed to the mail server").register(registry);
        this.failed = Counter.builder("tribune.mail.failed")
                .description("Emails given up after tribune.mail.give-up-after").register(registry);
        this.retried = Counter.builder("tribune.mail.retried")
                .description("Delivery attempts that failed and will be retried").register(registry);
    }

    @Scheduled(every = "${tribune.mail.send-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (gate.isOpen()) {
            try {
                sendDue();
            } catch (RuntimeException e) { // the database went away mid-pass: the next pass carries on
                LOG.debugf(e, "Mail outbox pass interrupted");
            }
        }
    }

    /** Sends every email that is due (batch after batch); returns how many were sent. */
    public int sendDue() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update mail_outbox set status = 'PENDING',"
                + " claimed_at = null where status = 'SENDING' and claimed_at < now() - make_interval(secs => ?1)")
                .setParameter(1, config.claimTimeout().toSeconds()).executeUpdate());
        int total = 0;
        while (true) {
            List<Claimed> batch = claim(null);
            for (Claimed mail : batch) {
                total += send(mail) ? 1 : 0;
            }
            if (batch.size() < config.batchSize()) {
                break;
            }
        }
        countPending();
        return total;
    }

    /** Sends these emails now if they are still due and unclaimed (right after the transaction that wrote them). */
    void deliver(List<Long> ids) {
        try {
            for (Claimed mail : claim(ids)) {
                send(mail);
            }
        } catch (RuntimeException e) { // the scheduled pass will send them
            LOG.debugf(e, "Could not send emails %s at commit", ids);
        }
    }

    public long pending() {
        return pending.get();
    }

    private void countPending() {
        pending.set(QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from mail_outbox where status in ('PENDING', 'SENDING')").getSingleResult()).longValue()));
    }

    @SuppressWarnings("unchecked")
    private List<Claimed> claim(List<Long> ids) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = em.createNativeQuery("update mail_outbox set status = 'SENDING', claimed_at = now(),"
                    + " attempts = attempts + 1 where id in (select id from mail_outbox where status = 'PENDING'"
                    + " and next_attempt_at <= now()" + (ids == null ? "" : " and id in (:ids)")
                    + " order by next_attempt_at, id limit :limit for update skip locked)"
                    + " returning id, recipient, subject, body, unsubscribe_url, attempts")
                    .setParameter("limit", config.batchSize());
            if (ids != null) {
                query.setParameter("ids", ids);
            }
            return ((List<Object[]>) query.getResultList()).stream()
                    .map(r -> new Claimed(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3],
                            (String) r[4], ((Number) r[5]).intValue()))
                    .toList();
        });
    }

    private boolean send(Claimed claimed) {
        Mail mail = Mail.withText(claimed.to(), claimed.subject(), claimed.body());
        if (claimed.unsubscribeUrl() != null) {
            mail.addHeader("List-Unsubscribe", "<" + claimed.unsubscribeUrl() + ">");
            mail.addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        try {
            mailer.send(mail);
        } catch (RuntimeException e) {
            failedAttempt(claimed, e);
            return false;
        }
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update mail_outbox set status = 'SENT',"
                + " sent_at = now(), claimed_at = null where id = ?1 and status = 'SENDING'")
                .setParameter(1, claimed.id()).executeUpdate());
        sent.increment();
        return true;
    }

    private void failedAttempt(Claimed claimed, RuntimeException e) {
        String error = describe(e);
        Duration wait = backoff(claimed.attempts());
        Object status = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("update mail_outbox set"
                + " status = case when created_at + make_interval(secs => ?1) <= now() + make_interval(secs => ?2)"
                + " then 'FAILED' else 'PENDING' end,"
                + " next_attempt_at = now() + make_interval(secs => ?2), claimed_at = null, last_error = ?3"
                + " where id = ?4 and status = 'SENDING' returning status")
                .setParameter(1, config.giveUpAfter().toSeconds()).setParameter(2, wait.toSeconds())
                .setParameter(3, error).setParameter(4, claimed.id()).getResultStream().findFirst().orElse(null));
        if ("FAILED".equals(status)) {
            failed.increment();
            LOG.warnf("Gave up email %d after %d attempts: %s", claimed.id(), claimed.attempts(), error);
        } else {
            retried.increment();
            LOG.infof("Email %d not sent (attempt %d), next try in %s: %s", claimed.id(), claimed.attempts(), wait, error);
        }
    }

    /** first-backoff, doubled after every failed attempt, at most max-backoff. */
    Duration backoff(int attempts) {
        Duration wait = config.firstBackoff();
        for (int i = 1; i < attempts && wait.compareTo(config.maxBackoff()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : wait;
    }

    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null && text.length() < 900; t = t.getCause() == t ? null : t.getCause()) {
            if (!text.isEmpty()) {
                text.append(": ");
            }
            text.append(t.getClass().getSimpleName());
            if (t.getMessage() != null) {
                text.append(" ").append(t.getMessage());
            }
        }
        return text.length() > 1000 ? text.substring(0, 1000) : text.toString();
    }

    /** Puts a failed email back in the queue, due now; false if it is not failed (any more). */
    public boolean retry(long id) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("update mail_outbox set"
                + " status = 'PENDING', next_attempt_at = now(), created_at = now(), attempts = 0"
                + " where id = ?1 and status = 'FAILED'").setParameter(1, id).executeUpdate()) == 1;
    }

    /** Sent emails older than tribune.mail.keep-sent-days are deleted. */
    public int purgeSent() {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("delete from mail_outbox where"
                + " status = 'SENT' and sent_at < now() - make_interval(days => ?1)")
                .setParameter(1, config.keepSentDays()).executeUpdate());
    }
}
