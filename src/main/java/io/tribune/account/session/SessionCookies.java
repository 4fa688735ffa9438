package io.tribune.account.session;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Startup;
import io.quarkus.vertx.http.runtime.security.PersistentLoginManager;
import io.tribune.account.User;
import io.tribune.config.TribuneConfig;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The encrypted session cookie. It uses Quarkus's own {@link PersistentLoginManager} (the form-authentication
 * cookie: AES-GCM with a SHA-256 of {@code quarkus.http.auth.session.encryption-key}, sliding idle expiry), and
 * stores {@code <user id>:<session generation>} so that bumping the user's generation revokes every cookie
 * issued before (logout, password change or reset, deletion). Created at start so that production refuses to
 * start without a key.
 */
@Startup
@ApplicationScoped
public class SessionCookies {

    private static final Logger LOG = Logger.getLogger(SessionCookies.class);
    private static final String HMAC = "HmacSHA256";

    private final PersistentLoginManager manager;
    private final String cookieName;
    private final boolean secure;
    /** Signs the other cookies bound to a session or an account (CSRF tokens, device cookies). */
    private final Mac signer;

    SessionCookies(TribuneConfig config,
            @ConfigProperty(name = "quarkus.http.auth.session.encryption-key") Optional<String> encryptionKey) {
        TribuneConfig.Accounts accounts = config.accounts();
        this.cookieName = accounts.sessionCookie();
        this.secure = accounts.secureCookie();
        String key = encryptionKey(encryptionKey, LaunchMode.current());
        this.signer = signer(key);
        long timeout = accounts.sessionTimeout().toMillis();
        this.manager = new PersistentLoginManager(key, cookieName, timeout, accounts.sessionRenewal().toMillis(), true,
                "LAX", "/", accounts.sessionTimeout().toSeconds(), null);
    }

    /** The configured key; a temporary one in dev and test; production (NORMAL) refuses to start without it. */
    static String encryptionKey(Optional<String> configured, LaunchMode mode) {
        Optional<String> key = configured.filter(k -> !k.isBlank());
        if (key.isPresent()) {
            if (key.get().length() < 16) {
                throw new IllegalStateException("quarkus.http.auth.session.encryption-key must be at least 16 characters long.");
            }
            return key.get();
        }
        if (mode == LaunchMode.NORMAL) {
            throw new IllegalStateException("quarkus.http.auth.session.encryption-key (QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY)"
                    + " must be set in production: a secret of at least 16 characters, the same on every instance.");
        }
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        LOG.info("No session encryption key configured: using a temporary one (sessions end when the app restarts)");
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static Mac signer(String encryptionKey) {
        try {
            // a key of its own, derived from the session key: the same on every instance, never the cipher's key
            Mac derive = Mac.getInstance(HMAC);
            derive.init(new SecretKeySpec(encryptionKey.getBytes(StandardCharsets.UTF_8), HMAC));
            byte[] signingKey = derive.doFinal("tribune cookie signatures".getBytes(StandardCharsets.UTF_8));
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(signingKey, HMAC));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** HMAC-SHA256 of the purpose and value, under a key derived from the session encryption key. */
    public byte[] sign(String purpose, byte[] value) {
        try {
            Mac mac = (Mac) signer.clone();
            mac.update(purpose.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(value);
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether cookies go out with the Secure flag on this request (as the session cookie does). */
    public boolean secure(RoutingContext context) {
        return secure || context.request().isSSL();
    }

    /** Starts a session for the user on this response. */
    public void open(RoutingContext context, User user) {
        manager.save(value(user.id, user.sessionGeneration), context, cookieName, null, secure(context));
    }

    /** Tells the browser to forget the cookie; revocation itself is the generation bump. */
    public void close(RoutingContext context) {
        context.response().addCookie(Cookie.cookie(cookieName, "").setPath("/").setMaxAge(0)
                .setHttpOnly(true).setSecure(secure(context)));
    }

    Optional<Restored> read(RoutingContext context) {
        PersistentLoginManager.RestoreResult result = manager.restore(context);
        if (result == null) {
            return Optional.empty();
        }
        String[] parts = result.getPrincipal().split(":");
        try {
            return parts.length == 2
                    ? Optional.of(new Restored(Long.parseLong(parts[0]), Integer.parseInt(parts[1]), result))
                    : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Re-issues the cookie with a fresh idle expiry when the renewal interval has passed. */
    void renew(RoutingContext context, Restored restored) {
        manager.save(value(restored.userId(), restored.generation()), context, cookieName, restored.result(),
                secure(context));
    }

    boolean present(RoutingContext context) {
        return context.request().getCookie(cookieName) != null;
    }

    private static String value(long userId, int generation) {
        return userId + ":" + generation;
    }

    record Restored(long userId, int generation, PersistentLoginManager.RestoreResult result) {
    }
}
