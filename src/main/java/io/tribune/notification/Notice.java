package io.tribune.notification;

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

/** One entry of a user's /notifications. */
@Entity
@Table(name = "notice")
public class Notice extends PanacheEntityBase {

    public enum Kind {
        REPLY, MENTION, DECISION, SANCTION, REPORT_OUTCOME, UPVOTES, APPEAL
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "user_id")
    public long userId;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    /** The commenter who acted; never a moderator. */
    @Column(name = "actor_id")
    public Long actorId;
    @Column(name = "comment_id")
    public Long commentId;
    public String text;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "read_at")
    public Instant readAt;
}
