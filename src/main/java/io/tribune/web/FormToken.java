package io.tribune.web;

import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The CSRF token for a form, {@code {inject:formToken.value}}, that never fails a page. {@code {inject:csrf.token}}
 * throws on GET pages outside {@code quarkus.rest-csrf.create-token-path} (rest-csrf sets its attribute only
 * there), even when the browser holds the token cookie: this reads the attribute, else the cookie, else gives "".
 * Without a signature key the form value equals the cookie value, which is what rest-csrf checks on POST.
 */
@Named("formToken")
@RequestScoped
public class FormToken {

    static final String ATTRIBUTE = "csrf_token";
    static final String COOKIE = "csrf-token";

    @Inject
    RoutingContext routing;

    public String value() {
        Object token = routing.get(ATTRIBUTE);
        if (token != null) {
            return token.toString();
        }
        Cookie cookie = routing.request().getCookie(COOKIE);
        return cookie == null ? "" : cookie.getValue();
    }
}
