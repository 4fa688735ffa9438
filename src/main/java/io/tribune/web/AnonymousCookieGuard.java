package io.tribune.web;

import java.util.Set;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;

/**
 * Privacy by default: an anonymous reader gets no cookie at all. quarkus-rest-csrf issues its token cookie on
 * every page (so a logged-in user always has a valid token for the forms a page shows); for anonymous visitors
 * this drops that cookie again, except on the pages where an anonymous person fills in a form.
 */
public class AnonymousCookieGuard {

    /** Pages with a form for people who are not logged in; they need the CSRF cookie. */
    static final Set<String> ANONYMOUS_FORM_PAGES = Set.of("/login", "/signup", "/password/forgot", "/password/reset");
    static final String CSRF_COOKIE = "csrf-token";

    @Inject
    SecurityIdentity identity;

    @ServerRequestFilter
    public void dropCookieForAnonymousReaders(RoutingContext routing) {
        if (identity.isAnonymous() && !ANONYMOUS_FORM_PAGES.contains(routing.normalizedPath())) {
            // runs just before the response headers (and the cookie jar) are written
            routing.addHeadersEndHandler(done -> routing.response().removeCookie(CSRF_COOKIE, false));
        }
    }
}
