package io.tribune.web;

import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The CSRF token for forms on any page: {@code {#csrf /}} in templates. quarkus-rest-csrf only exposes
 * {@code inject:csrf.token} on the paths that create the cookie (quarkus.rest-csrf.create-token-path), so on
 * other pages (an article, the layout's log-out button) the token is the value of the cookie the browser
 * already holds; without a token signature key the form token and the cookie value are the same.
 */
@Named("formToken")
@RequestScoped
public class FormToken {

    /** The cookie's name (quarkus.rest-csrf.cookie-name default). */
    static final String NAME = "csrf-token";
    /** Where the CSRF filter leaves the token of this request. */
    static final String ATTRIBUTE = "csrf_token";

    @Inject
    RoutingContext context;

    public String value() {
        Object fromFilter = context.get(ATTRIBUTE);
        if (fromFilter instanceof String s && !s.isEmpty()) {
            return s;
        }
        Cookie cookie = context.request().getCookie(NAME);
        return cookie == null ? "" : cookie.getValue();
    }
}
