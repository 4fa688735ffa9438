package io.tribune.account.session;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

/**
 * CSRF tokens bound to the session: OWASP's signed double-submit cookie. quarkus-rest-csrf keeps doing the
 * double submit (it issues the {@code csrf-token} cookie and refuses a state-changing request whose form field or
 * {@code X-CSRF-TOKEN} header differs from it); this class makes the value itself
 * {@code base64url(nonce[16] || HMAC-SHA256(key, session || nonce)[0..16])}, with a key derived from the session
 * encryption key and {@code session} naming who is logged in (user id and session generation) or "anonymous". A
 * cookie and field planted from an attacker's own session, or taken before logging in, do not match the victim's
 * session and are refused (400, before any resource runs). A page read with such a cookie gets a new token; a
 * successful log-in issues one for the new session at once.
 */
@ApplicationScoped
public class SessionCsrf {

    /** quarkus-rest-csrf's request attributes: the token this request's forms carry (and its cookie will hold). */
    static final String TOKEN = "csrf_token";
    static final String TOKEN_BYTES = "csrf_token_bytes";
    public static final String COOKIE = "csrf-token";
    /** Bytes in a token: must match {@code quarkus.rest-csrf.token-size}. */
    static final int SIZE = 32;
    private static final int NONCE = 16;
    private static final String PURPOSE = "csrf";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final SessionCookies sessions;
    private final SecureRandom random = new SecureRandom();

    @Inject
    SecurityIdentity identity;

    SessionCsrf(SessionCookies sessions) {
        this.sessions = sessions;
    }

    /**
     * Runs after quarkus-rest-csrf's own check (priority USER; filters that read the form run after those that do
     * not, hence {@code @WithFormRead} here too): the token it accepted or chose must be this session's.
     */
    @ServerRequestFilter(priority = Priorities.USER + 100)
    @WithFormRead
    public Response bindToSession(ContainerRequestContext request, RoutingContext routing) {
        String session = sessionOf(identity);
        String method = request.getMethod();
        if ("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method)) {
            Object token = routing.get(TOKEN);
            if (token != null && !valid(token.toString(), session)) {
                issue(routing, session); // quarkus-rest-csrf's response filter sets it as the cookie
            }
            return null;
        }
        Cookie cookie = routing.request().getCookie(COOKIE);
        if (cookie == null || !valid(cookie.getValue(), session)) {
            return Response.status(400).build(); // the site's error page (or JSON error) is filled in by ErrorPages
        }
        return null;
    }

    /** A successful log-in: this response's forms and cookie carry a token for the new session. */
    public void issueFor(RoutingContext routing, long userId, int generation) {
        issue(routing, userSession(userId, generation));
    }

    /**
     * A token cookie of another size (issued before tokens were bound to the session) makes quarkus-rest-csrf answer
     * every request 400; a page read with one is sent back to itself with the cookie removed, and gets a new token.
     */
    void register(@Observes Filters filters) {
        filters.register(this::dropMalformedCookie, 90);
    }

    private void dropMalformedCookie(RoutingContext context) {
        Cookie cookie = context.request().getCookie(COOKIE);
        HttpMethod method = context.request().method();
        if (cookie != null && decode(cookie.getValue()) == null
                && (HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method))) {
            context.response().addCookie(Cookie.cookie(COOKIE, "").setPath("/").setMaxAge(0)
                    .setHttpOnly(true).setSecure(sessions.secure(context)));
            context.response().setStatusCode(307).putHeader("Location", context.request().uri())
                    .putHeader("Cache-Control", "no-store").end();
            return;
        }
        context.next();
    }

    static String sessionOf(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return "anonymous";
        }
        Long userId = identity.getAttribute(SessionIdentityProvider.USER_ID);
        Integer generation = identity.getAttribute(SessionIdentityProvider.SESSION_GENERATION);
        return userId != null && generation != null ? userSession(userId, generation)
                : "principal:" + identity.getPrincipal().getName(); // identities made without a session cookie (tests)
    }

    private static String userSession(long userId, int generation) {
        return "user:" + userId + ":" + generation;
    }

    private void issue(RoutingContext routing, String session) {
        byte[] token = new byte[SIZE];
        random.nextBytes(token);
        System.arraycopy(mac(session, Arrays.copyOf(token, NONCE)), 0, token, NONCE, SIZE - NONCE);
        routing.put(TOKEN_BYTES, token);
        routing.put(TOKEN, ENCODER.encodeToString(token));
    }

    boolean valid(String token, String session) {
        byte[] bytes = decode(token);
        return bytes != null && MessageDigest.isEqual(Arrays.copyOfRange(bytes, NONCE, SIZE),
                Arrays.copyOf(mac(session, Arrays.copyOf(bytes, NONCE)), SIZE - NONCE));
    }

    private byte[] mac(String session, byte[] nonce) {
        byte[] name = session.getBytes(StandardCharsets.UTF_8);
        return sessions.sign(PURPOSE, ByteBuffer.allocate(4 + name.length + nonce.length).putInt(name.length).put(name)
                .put(nonce).array());
    }

    private static byte[] decode(String token) {
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(token);
            return bytes.length == SIZE ? bytes : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
