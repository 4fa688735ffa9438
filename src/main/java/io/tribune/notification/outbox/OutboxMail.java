package io.tribune.notification.outbox;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One email, written in the transaction that causes it and delivered later by {@link MailSender}. */
@Entity
@Table(name = "mail_outbox")
public class OutboxMail extends PanacheEntityBase {

    public enum Status {
        PENDING, SENDING, SENT, FAILED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String recipient;
    @Column(name = "user_id")
    public Long userId;
    /** What the email is about: VERIFY, RESET, REPLIES, MENTIONS, MODERATION, REPORTS, … */
    public String kind;
    public String subject;
    public String body;
    @Column(name = "unsubscribe_url")
    public String unsubscribeUrl;
    @Column(name = "batch_key")
    public String batchKey;
    public int items = 1;
    @Enumerated(EnumType.STRING)
    public Status status = Status.PENDING;
    public int attempts;
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    @Column(name = "claimed_at")
    public Instant claimedAt;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "sent_at")
    public Instant sentAt;
}
