package io.tribune.moderation;

import java.time.Instant;

import org.hibernate.annotations.Immutable;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.tribune.account.User;
import io.tribune.comment.Comment;
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
import jakarta.persistence.Table;

/** One row of the append-only audit log (a database trigger refuses UPDATE and DELETE). Write via {@link AuditLog}. */
@Entity
@Immutable
@Table(name = "moderation_action")
public class ModerationAction extends PanacheEntityBase {

    public enum Type {
        REPORT_THRESHOLD, APPROVE, REMOVE, RESTORE, STRIKE, SUSPEND, SUSPENSION_ENDED, DEREGISTER, REINSTATE,
        ALWAYS_HOLD_ON, ALWAYS_HOLD_OFF, NOTE, GRANT_ROLE, REVOKE_ROLE, WORD_ADD, WORD_REMOVE, COMMENTS_CLOSED,
        COMMENTS_OPENED, STRIKE_WITHDRAWN, APPEAL, APPEAL_UPHELD, APPEAL_REVERSED, SLOW_MODE, FEATURE, UNFEATURE
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "created_at")
    public Instant createdAt;
    /** Null when the system acted (report threshold, end of a suspension). */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "moderator_id")
    public User moderator;
    @Enumerated(EnumType.STRING)
    public Type action;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "target_user_id")
    public User targetUser;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "target_comment_id")
    public Comment targetComment;
    @Column(name = "reason_code")
    public String reasonCode;
    public String reason;
    @Column(name = "before_state")
    public String beforeState;
    @Column(name = "after_state")
    public String afterState;
}
