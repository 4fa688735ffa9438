package io.tribune.account.session;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.tribune.web.FormToken;
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

    public static final String COOKIE = "csrf-token";
    /** Bytes in a token: must match {@code quarkus.rest-csrf.token-size}. */
    static final int SIZE = 32;
    private static final int NONCE = 16;
    private static final String PURPOSE = "csrf";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final SessionCookies sessions;
    private final SecureRandom random = new SecureRandom();
    private final Duration cookieMaxAge;
    private final boolean forceSecure;

    @Inject
    SecurityIdentity identity;

    SessionCsrf(SessionCookies sessions, @ConfigProperty(name = "quarkus.rest-csrf.cookie-max-age") Duration cookieMaxAge,
            @ConfigProperty(name = "quarkus.rest-csrf.cookie-force-secure") boolean forceSecure) {
        this.sessions = sessions;
        this.cookieMaxAge = cookieMaxAge;
        this.forceSecure = forceSecure;
    }

    /**
     * Every request through Quarkus REST: a state-changing one must carry (and quarkus-rest-csrf has checked that its
     * field or header equals) a cookie signed for this session; a page read without one gets a new token.
     */
    @ServerRequestFilter(priority = Priorities.USER + 100)
    public Response bindToSession(ContainerRequestContext request, RoutingContext routing) {
        String session = sessionOf(identity);
        Cookie cookie = routing.request().getCookie(COOKIE);
        boolean bound = cookie != null && valid(cookie.getValue(), session);
        String method = request.getMethod();
        if ("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method)) {
            if (!bound) {
                use(routing, mint(session));
            }
            return null;
        }
        // the site's error page (or the API's JSON error) is filled in by ErrorPages; no resource runs
        return bound ? null : Response.status(400).build();
    }

    /** A successful log-in: this response's cookie carries a token for the new session. */
    public void issueFor(RoutingContext routing, long userId, int generation) {
        use(routing, mint(userSession(userId, generation)));
    }

    /**
     * This response's forms ({@link FormToken}) and token cookie carry the given token. quarkus-rest-csrf writes the
     * cookie with the value it chose (a random one, or the request's); whatever the order of the filters, it is
     * replaced here when the headers are written. Where no token cookie is being set (an anonymous reader's page,
     * see {@code AnonymousCookieGuard}), none is added.
     */
    private void use(RoutingContext routing, String token) {
        boolean first = routing.get(FormToken.BOUND_ATTRIBUTE) == null;
        routing.put(FormToken.BOUND_ATTRIBUTE, token);
        if (first) {
            routing.addHeadersEndHandler(done -> {
                if (routing.response().removeCookie(COOKIE, false) != null) {
                    routing.response().addCookie(Cookie.cookie(COOKIE, routing.get(FormToken.BOUND_ATTRIBUTE))
                            .setPath("/").setHttpOnly(true).setMaxAge(cookieMaxAge.toSeconds())
                            .setSecure(forceSecure || sessions.secure(routing)));
                }
            });
        }
    }

    /**
     * Sends the request's own token cookie again with a fresh expiry, as every page read through Quarkus REST does
     * (quarkus-rest-csrf): for a page answered without it ({@link KnownSessions}), so that a form on it is not refused
     * because its token cookie ran out meanwhile.
     */
    void refresh(RoutingContext routing, String token) {
        routing.response().addCookie(Cookie.cookie(COOKIE, token).setPath("/").setHttpOnly(true)
                .setMaxAge(cookieMaxAge.toSeconds()).setSecure(forceSecure || sessions.secure(routing)));
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

    static String userSession(long userId, int generation) {
        return "user:" + userId + ":" + generation;
    }

    private String mint(String session) {
        byte[] token = new byte[SIZE];
        random.nextBytes(token);
        System.arraycopy(mac(session, Arrays.copyOf(token, NONCE)), 0, token, NONCE, SIZE - NONCE);
        return ENCODER.encodeToString(token);
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
