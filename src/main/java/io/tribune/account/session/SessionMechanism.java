package io.tribune.account.session;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.tribune.web.DatabaseFailures;
import io.tribune.web.DatabaseGate;
import io.tribune.web.SafeRedirect;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Authenticates requests that carry the session cookie. A cookie whose user is gone or whose generation is
 * stale is removed and the request goes on as anonymous (never a redirect loop). Pages that need a login
 * redirect to {@code /login?next=...}; the JSON API answers 401. While the database cannot be reached the cookie is
 * kept and the request is answered 503 (see {@link DatabaseGate}), so an outage logs nobody out.
 */
@ApplicationScoped
public class SessionMechanism implements HttpAuthenticationMechanism {

    private final SessionCookies cookies;
    private final DatabaseGate databaseGate;

    SessionMechanism(SessionCookies cookies, DatabaseGate databaseGate) {
        this.cookies = cookies;
        this.databaseGate = databaseGate;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        Optional<SessionCookies.Restored> restored = cookies.read(context);
        if (restored.isEmpty()) {
            if (cookies.present(context)) {
                cookies.close(context); // expired or unreadable (e.g. the key changed)
            }
            return Uni.createFrom().nullItem();
        }
        SessionCookies.Restored r = restored.get();
        if (!databaseGate.isOpen()) {
            // the session cannot be checked now; keep the cookie, the request is answered 503 (DatabaseGate)
            context.put(DatabaseGate.UNCHECKED_SESSION, Boolean.TRUE);
            return Uni.createFrom().nullItem();
        }
        SessionRequest request = new SessionRequest(r.userId(), r.generation());
        HttpSecurityUtils.setRoutingContextAttribute(request, context);
        return identities.authenticate(request)
                .onItem().invoke(identity -> cookies.renew(context, r))
                .onFailure().recoverWithUni(failure -> {
                    if (DatabaseFailures.unavailable(failure)) {
                        // not a bad session but a database outage: keep the cookie and answer 503
                        databaseGate.failed(failure);
                        context.put(DatabaseGate.UNCHECKED_SESSION, Boolean.TRUE);
                    } else {
                        cookies.close(context);
                    }
                    return Uni.createFrom().nullItem();
                });
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        String path = context.normalizedPath();
        if (path.startsWith("/api/")) {
            return Uni.createFrom().item(new ChallengeData(401));
        }
        // after logging in, a GET comes back to itself; a refused form post to the page the form was on
        HttpMethod method = context.request().method();
        Optional<String> next;
        if (HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method)) {
            String query = context.request().query();
            next = Optional.of(path + (query == null ? "" : "?" + query));
        } else {
            next = SafeRedirect.fromReferer(context.request().getHeader("Referer"),
                    context.request().authority() == null ? null : context.request().authority().toString());
        }
        return Uni.createFrom().item(new ChallengeData(302, "Location",
                next.map(n -> "/login?next=" + URLEncoder.encode(n, StandardCharsets.UTF_8)).orElse("/login")));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(SessionRequest.class);
    }
}
