package io.tribune.cdn;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.tribune.config.TribuneConfig;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * {@code Surrogate-Key} headers on the pages a shared cache (Varnish with xkey, Fastly, nginx with a purge module)
 * may keep for anonymous readers: the home page, section pages and article pages. The keys follow PostgreSQL's change
 * notices, so that {@link PurgeHook} can purge exactly what a change touched: {@code article-<slug>} (notice
 * {@code article:<slug>}), {@code lists} (home and sections, notice {@code lists}) and {@code pages} (every one of
 * them, notice {@code pages}: a section or byline changed).
 */
@ApplicationScoped
class SurrogateKeys {

    static final String HEADER = "Surrogate-Key";
    private static final Pattern PAGE = Pattern.compile("/|/sections/([a-z0-9][a-z0-9-]*)|/articles/([a-z0-9][a-z0-9-]*)");

    private final String sessionCookie;

    SurrogateKeys(TribuneConfig config) {
        this.sessionCookie = config.accounts().sessionCookie();
    }

    void install(@Observes Router router) {
        // before the cached article route, which may answer on the spot
        router.route().order(RouteConstants.ROUTE_ORDER_COMPRESSION - 1).handler(this::mark);
    }

    void mark(RoutingContext routing) {
        HttpMethod method = routing.request().method();
        String keys = (method == HttpMethod.GET || method == HttpMethod.HEAD)
                && routing.request().getCookie(sessionCookie) == null ? keys(routing.normalizedPath()) : null;
        if (keys != null) {
            routing.addHeadersEndHandler(ignored -> {
                if (routing.response().getStatusCode() == 200) {
                    routing.response().putHeader(HEADER, keys);
                }
            });
        }
        routing.next();
    }

    /** The keys of an anonymous page at this path, or null when it has none. */
    static String keys(String path) {
        Matcher page = path == null ? null : PAGE.matcher(path);
        if (page == null || !page.matches()) {
            return null;
        }
        if (page.group(1) != null) {
            return "section-" + page.group(1) + " lists pages";
        }
        if (page.group(2) != null) {
            return "article-" + page.group(2) + " pages";
        }
        return "home lists pages";
    }
}
