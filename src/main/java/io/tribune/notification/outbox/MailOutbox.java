package io.tribune.notification.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

import io.tribune.config.NotificationConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Writes emails to the outbox in the caller's transaction, so an email exists exactly when its cause was committed.
 * {@link MailSender} delivers them; when the transaction commits, this instance also tries the due ones at once.
 */
@ApplicationScoped
public class MailOutbox {

    /** Separates the items of a batched email from its closing lines. */
    public static final String FOOTER = "\n-- \n";

    /** An email to write: {@code kind} names what it is about (VERIFY, RESET, REPLIES, MODERATION, …). */
    public record Draft(String to, Long userId, String kind, String subject, String body, String unsubscribeUrl) {
    }

    private static final Object WRITTEN = MailOutbox.class;

    private final EntityManager em;
    private final TransactionSynchronizationRegistry transactions;
    private final MailSender sender;
    private final NotificationConfig.Mail config;

    MailOutbox(EntityManager em, TransactionSynchronizationRegistry transactions, MailSender sender, NotificationConfig config) {
        this.em = em;
        this.transactions = transactions;
        this.sender = sender;
        this.config = config.mail();
    }

    /** An email due now. Nothing is written for a missing address. */
    @Transactional(Transactional.TxType.MANDATORY)
    public OutboxMail add(Draft draft) {
        if (draft.to() == null || draft.to().isBlank()) {
            return null;
        }
        OutboxMail mail = new OutboxMail();
        mail.recipient = draft.to();
        mail.userId = draft.userId();
        mail.kind = draft.kind();
        mail.subject = draft.subject();
        mail.body = draft.body();
        mail.unsubscribeUrl = draft.unsubscribeUrl();
        mail.createdAt = Instant.now();
        mail.nextAttemptAt = mail.createdAt;
        mail.persist();
        sendAfterCommit(mail.id);
        return mail;
    }

    /** Rewrites an email written earlier in this transaction (one email per decision, whatever it sets off). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void rewrite(OutboxMail mail, String subject, String body) {
        mail.subject = subject;
        mail.body = body;
    }

    /**
     * Adds one item to the recipient's open batch of this kind, or opens one due after {@code window}: several
     * replies within the window make one email. {@code draft.body()} is the whole email for one item: greeting,
     * the item, then {@link #FOOTER} and the closing lines; further items are added before the footer.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void addToBatch(Draft draft, String item, Duration window, IntFunction<String> subjectForItems) {
        if (draft.to() == null || draft.to().isBlank()) {
            return;
        }
        String key = draft.kind() + ":" + draft.userId();
        // one writer per batch at a time; the sender never claims a batch before it is due
        em.createNativeQuery("select pg_advisory_xact_lock(7301, hashtext(?1))").setParameter(1, key).getSingleResult();
        OutboxMail open = OutboxMail.<OutboxMail>find(
                "batchKey = ?1 and status = ?2 and nextAttemptAt > ?3 and recipient = ?4 order by id desc",
                key, OutboxMail.Status.PENDING, Instant.now(), draft.to()).firstResult();
        if (open != null) {
            int cut = open.body.lastIndexOf(FOOTER);
            open.body = cut < 0 ? open.body + "\n\n" + item : open.body.substring(0, cut) + "\n\n" + item + open.body.substring(cut);
            open.items++;
            open.subject = subjectForItems.apply(open.items);
            return;
        }
        OutboxMail mail = new OutboxMail();
        mail.recipient = draft.to();
        mail.userId = draft.userId();
        mail.kind = draft.kind();
        mail.subject = subjectForItems.apply(1);
        mail.body = draft.body();
        mail.unsubscribeUrl = draft.unsubscribeUrl();
        mail.batchKey = key;
        mail.createdAt = Instant.now();
        mail.nextAttemptAt = mail.createdAt.plus(window);
        mail.persist();
        if (window.isZero() || window.isNegative()) {
            sendAfterCommit(mail.id);
        }
    }

    private void sendAfterCommit(long id) {
        if (!config.sendAtCommit()) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<Long> written = (List<Long>) transactions.getResource(WRITTEN);
        if (written == null) {
            List<Long> ids = new ArrayList<>();
            transactions.putResource(WRITTEN, ids);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        sender.deliver(ids);
                    }
                }
            });
            written = ids;
        }
        written.add(id);
    }
}
