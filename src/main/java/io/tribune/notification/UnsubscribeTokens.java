package io.tribune.notification;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.tribune.config.NotificationConfig;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Signed one-click unsubscribe tokens: {@code userId.KIND.expiry.signature}, HMAC-SHA256 with a key of the server's.
 * Nothing is stored, so a token cannot be looked up, only checked; a forged or altered one fails the signature.
 */
@ApplicationScoped
public class UnsubscribeTokens {

    /** What a valid token allows: stopping one kind of email for one user. */
    public record Grant(long userId, EmailKind kind) {
    }

    /** Why a token is refused, in words for the page. */
    public static final class Refused extends Exception {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    private final byte[] key;
    private final NotificationConfig.Notifications config;

    UnsubscribeTokens(NotificationConfig config,
            @ConfigProperty(name = "quarkus.http.auth.session.encryption-key") Optional<String> sessionKey) {
        this.config = config.notifications();
        this.key = this.config.signingKey().filter(k -> !k.isBlank())
                .or(() -> sessionKey.filter(k -> !k.isBlank()).map(k -> "unsubscribe:" + k))
                .map(k -> sha256(k.getBytes(StandardCharsets.UTF_8)))
                .orElseGet(() -> {
                    byte[] random = new byte[32];
                    new SecureRandom().nextBytes(random);
                    return random;
                });
    }

    public String issue(long userId, EmailKind kind) {
        return issue(userId, kind, Instant.now().plus(config.unsubscribeValidity()));
    }

    String issue(long userId, EmailKind kind, Instant expiresAt) {
        long expires = expiresAt.getEpochSecond();
        String payload = userId + "." + kind.name() + "." + expires;
        return payload + "." + sign(payload);
    }

    public Grant check(String token) throws Refused {
        String[] parts = token == null ? new String[0] : token.split("\\.", -1);
        if (parts.length != 4 || token.length() > 200) {
            throw new Refused("This unsubscribe link is not complete, so nothing was changed. Please copy the whole link from the email, or change your choices in your settings after logging in.");
        }
        String payload = parts[0] + "." + parts[1] + "." + parts[2];
        if (!MessageDigest.isEqual(sign(payload).getBytes(StandardCharsets.US_ASCII), parts[3].getBytes(StandardCharsets.US_ASCII))) {
            throw new Refused("This unsubscribe link is not valid: it was changed or did not come from Tribune. Nothing was changed. You can change your choices in your settings after logging in.");
        }
        long userId;
        long expires;
        try {
            userId = Long.parseLong(parts[0]);
            expires = Long.parseLong(parts[2]);
        } catch (NumberFormatException e) {
            throw new Refused("This unsubscribe link is not valid. Nothing was changed.");
        }
        EmailKind kind = EmailKind.parse(parts[1]).orElseThrow(() -> new Refused("This unsubscribe link is not valid. Nothing was changed."));
        if (Instant.now().getEpochSecond() > expires) {
            throw new Refused("This unsubscribe link has expired. Nothing was changed. Please use the link in a newer email, or change your choices in your settings after logging in.");
        }
        return new Grant(userId, kind);
    }

    private String sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
