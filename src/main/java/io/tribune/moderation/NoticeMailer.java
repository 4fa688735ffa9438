package io.tribune.moderation;

import java.util.ArrayList;
import java.util.List;

import org.jboss.logging.Logger;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Queues {@link ModerationNotice}s in the current transaction and mails them, in the order they were decided,
 * only once it commits: a rolled-back decision sends nothing.
 */
@ApplicationScoped
public class NoticeMailer {

    private static final Logger LOG = Logger.getLogger(NoticeMailer.class);
    private static final Object KEY = NoticeMailer.class;

    private final Mailer mailer;
    private final TransactionSynchronizationRegistry transactions;

    NoticeMailer(Mailer mailer, TransactionSynchronizationRegistry transactions) {
        this.mailer = mailer;
        this.transactions = transactions;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void queue(ModerationNotice notice) {
        if (notice.to() == null || notice.to().isBlank()) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<ModerationNotice> pending = (List<ModerationNotice>) transactions.getResource(KEY);
        if (pending == null) {
            List<ModerationNotice> list = new ArrayList<>();
            transactions.putResource(KEY, list);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        list.forEach(NoticeMailer.this::send);
                    }
                }
            });
            pending = list;
        }
        pending.add(notice);
    }

    private void send(ModerationNotice notice) {
        try {
            mailer.send(Mail.withText(notice.to(), notice.subject(), notice.text()));
        } catch (RuntimeException e) { // the decision stands even when the mail server is down
            LOG.warnf(e, "Could not send moderation notice '%s'", notice.subject());
        }
    }
}
