package io.tribune.account.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import io.tribune.account.Login;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The device cookie (OWASP's "device cookies" against account lock-out): set only when a log-in succeeds, it
 * tells a later log-in that this browser has logged in to this account before, so that the account-wide failure
 * count (which anybody can run up) does not stop its owner. It holds
 * {@code <user id>.<random device id>.<issued, epoch seconds>.<HMAC>}, signed with a key derived from the session key;
 * HttpOnly, SameSite=Strict and Secure like the session cookie. It outlives log-out on purpose.
 */
@ApplicationScoped
public class DeviceCookies {

    public static final String NAME = "tribune-device";
    static final Duration LIFETIME = Duration.ofDays(365);
    private static final String PURPOSE = "device";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final SessionCookies sessions;
    private final SecureRandom random = new SecureRandom();

    DeviceCookies(SessionCookies sessions) {
        this.sessions = sessions;
    }

    /** After a successful log-in: this browser is now known for this account. */
    public void remember(RoutingContext context, long userId) {
        byte[] id = new byte[16];
        random.nextBytes(id);
        String claim = userId + "." + ENCODER.encodeToString(id) + "." + Instant.now().getEpochSecond();
        String value = claim + "." + signature(claim);
        context.response().addCookie(Cookie.cookie(NAME, value).setPath("/login").setMaxAge(LIFETIME.toSeconds())
                .setHttpOnly(true).setSecure(sessions.secure(context)).setSameSite(CookieSameSite.STRICT));
    }

    /** The device this request's cookie proves, if it carries a valid, unexpired one. */
    public Optional<Login.KnownDevice> read(RoutingContext context) {
        Cookie cookie = context.request().getCookie(NAME);
        return cookie == null ? Optional.empty() : parse(cookie.getValue(), Instant.now());
    }

    Optional<Login.KnownDevice> parse(String value, Instant now) {
        String[] parts = value.split("\\.");
        if (parts.length != 4) {
            return Optional.empty();
        }
        String claim = parts[0] + "." + parts[1] + "." + parts[2];
        if (!MessageDigest.isEqual(signature(claim).getBytes(StandardCharsets.US_ASCII),
                parts[3].getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        try {
            long userId = Long.parseLong(parts[0]);
            Instant issued = Instant.ofEpochSecond(Long.parseLong(parts[2]));
            return issued.plus(LIFETIME).isAfter(now) ? Optional.of(new Login.KnownDevice(userId, parts[1]))
                    : Optional.empty();
        } catch (NumberFormatException | java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    private String signature(String claim) {
        return ENCODER.encodeToString(sessions.sign(PURPOSE, claim.getBytes(StandardCharsets.UTF_8)));
    }
}
