package io.tribune.account;

import java.time.Instant;
import java.util.Optional;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.security.jpa.Password;
import io.quarkus.security.jpa.PasswordType;
import io.quarkus.security.jpa.Roles;
import io.quarkus.security.jpa.UserDefinition;
import io.quarkus.security.jpa.Username;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "app_user")
@EntityListeners(UserRowListener.class)
@UserDefinition
public class User extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Username
    public String username;
    public String email;
    @Password(PasswordType.MCF)
    @Column(name = "password_hash")
    public String passwordHash;
    @Column(name = "display_name")
    public String displayName;
    public String bio;
    @Enumerated(EnumType.STRING)
    public UserStatus status = UserStatus.ACTIVE;
    /** Comma-separated: commenter, moderator, editor, admin. */
    @Roles
    public String roles = "commenter";
    @Column(name = "email_verified_at")
    public Instant emailVerifiedAt;
    @Column(name = "session_generation")
    public int sessionGeneration;
    @Column(name = "created_at")
    public Instant createdAt = Instant.now();
    @Column(name = "notify_replies")
    public boolean notifyReplies;
    @Column(name = "notify_moderation")
    public boolean notifyModeration;
    @Column(name = "notify_mentions")
    public boolean notifyMentions;
    @Column(name = "notify_reports")
    public boolean notifyReports;
    /** An in-site notice, at most once a day per comment, when others up-vote this user's comments. */
    @Column(name = "notify_upvotes")
    public boolean notifyUpvotes;
    /** The reader's own time zone (an IANA name) for displayed times; null for the site's. */
    @Column(name = "time_zone")
    public String timeZone;
    /** Set by moderation while the account is suspended. */
    @Column(name = "suspended_until")
    public Instant suspendedUntil;
    /** Moderation: every comment of this user is held for review. */
    @Column(name = "always_hold")
    public boolean alwaysHold;
    @Column(name = "deregistered_reason")
    public String deregisteredReason;
    /** Set by moderation with the suspension: its ground, as the user is told it. */
    @Column(name = "suspension_reason")
    public String suspensionReason;
    /**
     * Created by an import for a commenter of the old site: no password, cannot log in, is told nothing. Whoever
     * signs up with the same email and verifies it takes the account over (see {@link Registration}).
     */
    public boolean unclaimed;

    public boolean hasRole(String role) {
        for (String r : roles.split(",")) {
            if (r.trim().equals(role)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Why this user may not comment, vote or report right now, or empty if they may. Features that take part
     * in the discussion call this one rule rather than checking statuses themselves.
     */
    public Optional<String> participationBlock() {
        return switch (status) {
            case SUSPENDED -> Optional.of("Your account is suspended"
                    + (suspendedUntil == null ? "" : " until " + UK_DATE_TIME.format(suspendedUntil))
                    + (suspensionReason == null ? "" : ". Ground: " + suspensionReason)
                    + ". Until then you can read, see your moderation history, appeal, download your data or delete your"
                    + " account, but not comment, reply, vote or report.");
            case DEREGISTERED -> Optional.of("Your account was de-registered under the comment policy"
                    + (deregisteredReason == null ? "" : ". Ground: " + deregisteredReason)
                    + ". You can read, see your moderation history, appeal, download your data or delete your account,"
                    + " but no longer comment, reply, vote or report.");
            case DELETED -> Optional.of("This account has been deleted.");
            case ACTIVE -> emailVerifiedAt == null
                    ? Optional.of("Please verify your email address before you comment, vote or report. Check your inbox for the link, or ask for a new one in your settings.")
                    : Optional.empty();
        };
    }

    /** Suspended or de-registered: the account may read but not take part, whatever its roles. */
    public boolean isSanctioned() {
        return status == UserStatus.SUSPENDED || status == UserStatus.DEREGISTERED;
    }

    private static final java.time.format.DateTimeFormatter UK_DATE_TIME = java.time.format.DateTimeFormatter
            .ofPattern("d MMMM yyyy, HH:mm 'UTC'", java.util.Locale.UK).withZone(java.time.ZoneOffset.UTC);

    /**
     * Why this user may not change their public display name or bio, or empty if they may: only a verified account
     * in good standing speaks in public under a name of its choosing.
     */
    public Optional<String> profileChangeBlock() {
        return switch (status) {
            case SUSPENDED -> Optional.of("Your account is suspended: your public display name and bio cannot be changed"
                    + " until the suspension ends.");
            case DEREGISTERED -> Optional.of("This account was de-registered: its public display name and bio can no"
                    + " longer be changed.");
            case DELETED -> Optional.of("This account has been deleted.");
            case ACTIVE -> emailVerifiedAt == null
                    ? Optional.of("Verify your email address first: then you can change your public display name and bio.")
                    : Optional.empty();
        };
    }

    public static Optional<User> findByUsername(String username) {
        return find("lower(username) = lower(?1)", username).firstResultOptional();
    }

    public static Optional<User> findByEmail(String email) {
        return find("lower(email) = lower(?1)", email).firstResultOptional();
    }

    /** Log-in name: a username, or an email address if it contains '@'. */
    public static Optional<User> findByLogin(String login) {
        return login.contains("@") ? findByEmail(login) : findByUsername(login);
    }

    public boolean verified() {
        return emailVerifiedAt != null;
    }
}
