package io.tribune.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Issues and redeems single-use tokens for emailed links. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Tokens {

    private final SecureRandom random = new SecureRandom();

    /** A new token for the user; earlier unused tokens of the same purpose stop working. Returns the raw token. */
    public String issue(User user, AccountToken.Purpose purpose, String email, Duration validity) {
        AccountToken.update("usedAt = ?1 where user = ?2 and purpose = ?3 and usedAt is null", Instant.now(), user, purpose);
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String raw = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        AccountToken token = new AccountToken();
        token.user = user;
        token.purpose = purpose;
        token.email = email;
        token.tokenHash = sha256(raw);
        token.expiresAt = Instant.now().plus(validity);
        token.persist();
        return raw;
    }

    /**
     * A claim of an unclaimed account by whoever can read {@code email}. Earlier claims stay valid: a stranger who
     * signs up with somebody's address cannot cancel the owner's link; the first one used wins.
     */
    public String issueClaim(User user, String email, String username, String passwordHash, Duration validity) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String raw = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        AccountToken token = new AccountToken();
        token.user = user;
        token.purpose = AccountToken.Purpose.CLAIM;
        token.email = email;
        token.claimUsername = username;
        token.claimPasswordHash = passwordHash;
        token.tokenHash = sha256(raw);
        token.expiresAt = Instant.now().plus(validity);
        token.persist();
        return raw;
    }

    /** The valid, unused token and marks it used; empty for an unknown, used or expired token. */
    public Optional<AccountToken> redeem(String raw, AccountToken.Purpose purpose) {
        Optional<AccountToken> token = find(raw, purpose);
        token.ifPresent(t -> t.usedAt = Instant.now());
        return token;
    }

    /** The valid, unused token without using it up (to show the reset form). */
    public Optional<AccountToken> find(String raw, AccountToken.Purpose purpose) {
        if (raw == null || raw.isBlank() || raw.length() > 100) {
            return Optional.empty();
        }
        return AccountToken.<AccountToken>find("tokenHash = ?1 and purpose = ?2", sha256(raw), purpose)
                .firstResultOptional()
                .filter(t -> t.usedAt == null && t.expiresAt.isAfter(Instant.now()));
    }

    public void revokeAll(User user) {
        AccountToken.delete("user", user);
    }

    static String sha256(String raw) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
