package io.tribune.web;

import java.util.List;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.tribune.config.TribuneConfig;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The one rule for what no cache may keep: {@code Cache-Control: no-store} on every response under a private path
 * (settings and exports, the admin area and the desk, notifications, and the pages with a CSRF-protected form for
 * people not yet logged in), and on every page or JSON answer made for a request that carries a session (it shows
 * that person's name and token). Shared resources asked for with a session (pictures, styles, scripts, feeds) keep
 * their own caching. Set when the headers are written, so that error pages, refusals and redirects follow it too.
 */
@ApplicationScoped
public class PrivatePages {

    static final String NO_STORE = "no-store";

    /** Paths (and everything under them) that are private whoever asks. */
    static final List<String> PRIVATE_PATHS = List.of("/settings", "/admin", "/api/admin", "/notifications", "/login",
            "/logout", "/signup", "/password", "/verify");

    private final String sessionCookie;

    PrivatePages(TribuneConfig config) {
        this.sessionCookie = config.accounts().sessionCookie();
    }

    void register(@Observes Filters filters) {
        filters.register(this::markPrivate, 100);
    }

    private void markPrivate(RoutingContext context) {
        boolean privatePath = isPrivatePath(context.normalizedPath());
        boolean withSession = context.request().getCookie(sessionCookie) != null;
        if (privatePath || withSession) {
            context.addHeadersEndHandler(done -> {
                if (privatePath || isPersonal(context.response().headers().get(HttpHeaders.CONTENT_TYPE))) {
                    context.response().headers().set(HttpHeaders.CACHE_CONTROL, NO_STORE);
                }
            });
        }
        context.next();
    }

    static boolean isPrivatePath(String path) {
        for (String prefix : PRIVATE_PATHS) {
            if (path.equals(prefix) || path.startsWith(prefix + "/")) {
                return true;
            }
        }
        return false;
    }

    /** A page or an API answer (or a bodiless redirect) rather than a shared file. */
    static boolean isPersonal(String contentType) {
        return contentType == null || contentType.startsWith("text/html") || contentType.startsWith("application/json");
    }
}
