package io.tribune.moderation;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.tribune.account.User;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToOne;

/** A user's appeal against one sanction (the audit-log row that imposed it), and its outcome. Write via {@link Appeals}. */
@Entity
public class Appeal extends PanacheEntityBase {

    public enum Outcome {
        UPHELD, REVERSED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @OneToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "action_id")
    public ModerationAction action;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id")
    public User user;
    public String body;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "decided_at")
    public Instant decidedAt;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "decider_id")
    public User decider;
    @Enumerated(EnumType.STRING)
    public Outcome outcome;
    @Column(name = "decision_reason")
    public String decisionReason;

    public boolean isOpen() {
        return outcome == null;
    }
}
