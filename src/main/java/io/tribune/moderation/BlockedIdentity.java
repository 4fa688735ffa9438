package io.tribune.moderation;

import java.time.Instant;
import java.util.Locale;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A username or email address of a de-registered account, lower-cased. Sign-up must refuse them: call
 * {@link #isBlocked(String, String)} inside a transaction (or any request thread with an active session).
 */
@Entity
@Table(name = "blocked_identity")
public class BlockedIdentity extends PanacheEntityBase {

    public static final String USERNAME = "USERNAME";
    public static final String EMAIL = "EMAIL";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String kind;
    public String value;
    @Column(name = "user_id")
    public Long userId;
    @Column(name = "created_at")
    public Instant createdAt;

    /** True when the username or the email (either may be null) belongs to a de-registered account. */
    public static boolean isBlocked(String username, String email) {
        boolean name = username != null && count("kind = ?1 and value = ?2", USERNAME, normalize(username)) > 0;
        return name || email != null && count("kind = ?1 and value = ?2", EMAIL, normalize(email)) > 0;
    }

    static String normalize(String value) {
        return value.trim().toLowerCase(Locale.ROOT);
    }
}
