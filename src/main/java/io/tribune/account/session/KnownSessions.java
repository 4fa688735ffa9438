package io.tribune.account.session;

import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The session of a request answered from memory on the event loop, ahead of Quarkus's security and REST layers
 * (the logged-in article page, {@code reading.CachedArticleRoute}): the same checks as {@link SessionMechanism} and
 * {@link SessionIdentityProvider} (a cookie that decrypts, a user in good standing with that generation, roles as the
 * session check grants them) and {@link SessionCsrf} (a token cookie signed for this session), but only against what
 * is already known. Anything not known, or not valid, is left to the usual way, which reads, refuses or repairs it.
 */
@ApplicationScoped
public class KnownSessions {

    /** A session that is valid as far as the database last said: who, their roles now, their time zone (or null). */
    public record Known(long userId, int generation, String username, Set<String> roles, ZoneId timeZone) {
    }

    /** A known session with the CSRF token its forms carry (the request's own token cookie). */
    public record Session(Known who, String csrfToken) {
    }

    private final SessionCookies cookies;
    private final SessionIdentityProvider accounts;
    private final SessionCsrf csrf;

    KnownSessions(SessionCookies cookies, SessionIdentityProvider accounts, SessionCsrf csrf) {
        this.cookies = cookies;
        this.accounts = accounts;
        this.csrf = csrf;
    }

    /**
     * The request's session when everything about it is known and valid, its cookies renewed as the usual way would;
     * empty otherwise (nothing is changed then).
     */
    public Optional<Session> known(RoutingContext routing) {
        Optional<SessionCookies.Restored> restored = cookies.read(routing);
        if (restored.isEmpty()) {
            return Optional.empty();
        }
        SessionCookies.Restored r = restored.get();
        Optional<Known> who = accounts.known(r.userId(), r.generation());
        Cookie token = routing.request().getCookie(SessionCsrf.COOKIE);
        if (who.isEmpty() || token == null
                || !csrf.valid(token.getValue(), SessionCsrf.userSession(r.userId(), r.generation()))) {
            return Optional.empty();
        }
        cookies.renew(routing, r);
        csrf.refresh(routing, token.getValue());
        return Optional.of(new Session(who.get(), token.getValue()));
    }
}
