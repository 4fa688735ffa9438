package io.tribune.web;

import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The CSRF token for the forms of this page, as {@code {inject:formToken.value}}. quarkus-rest-csrf's own
 * {@code {inject:csrf.token}} throws when its filter did not run to the end (an error page for a request refused
 * before it, e.g. a 403 or 415); a page must still render then, so this reads the same request attribute and
 * yields an empty token (the form will be refused if posted, which is right).
 */
@Named("formToken")
@RequestScoped
public class FormToken {

    /** The request attribute where quarkus-rest-csrf keeps the token of the current request. */
    static final String ATTRIBUTE = "csrf_token";
    /** A token bound to this request's session, chosen by {@code account.session.SessionCsrf}: it wins. */
    public static final String BOUND_ATTRIBUTE = "tribune_csrf_token";

    @Inject
    RoutingContext routing;

    public String value() {
        if (routing == null) {
            return "";
        }
        Object token = routing.get(BOUND_ATTRIBUTE) != null ? routing.get(BOUND_ATTRIBUTE) : routing.get(ATTRIBUTE);
        return token == null ? "" : token.toString();
    }
}
