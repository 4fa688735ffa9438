package io.tribune.account;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
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

/** A single-use emailed link: only the SHA-256 of the token is stored. */
@Entity
@Table(name = "account_token")
public class AccountToken extends PanacheEntityBase {

    public enum Purpose {
        VERIFY_EMAIL, RESET_PASSWORD,
        /** Claims an imported (unclaimed) account: the username and password chosen at sign-up apply once used. */
        CLAIM
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id")
    public User user;
    @Enumerated(EnumType.STRING)
    public Purpose purpose;
    @Column(name = "token_hash")
    public String tokenHash;
    public String email;
    @Column(name = "expires_at")
    public Instant expiresAt;
    @Column(name = "used_at")
    public Instant usedAt;
    @Column(name = "created_at")
    public Instant createdAt = Instant.now();
    @Column(name = "claim_username")
    public String claimUsername;
    @Column(name = "claim_password_hash")
    public String claimPasswordHash;
}
