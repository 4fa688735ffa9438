package io.tribune.replica;

import java.util.regex.Pattern;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.smallrye.common.vertx.ContextLocals;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Marks the requests that may read from the replica: GET and HEAD of the reader pages (home, sections, articles,
 * search, feeds, sitemap, author pages) and the JSON read API. Everything else — every write, every account,
 * settings, moderation and desk page, and any GET that might write — reads the primary. A logged-in user whose last
 * write the replica may not have yet (the {@link OwnWrites} cookie) carries that position, so they see their own
 * writes at once.
 */
@ApplicationScoped
public class ReadRoutes {

    private static final String KEY = "tribune.read-route";
    private static final Pattern READER_PATHS = Pattern.compile(
            "/|/sections/[^/]+|/articles/[^/]+|/search|/feeds/.+|/sitemap\\.xml|/authors/[^/]+|/api/articles(/[^/]+(/comments)?)?");

    /** One reader request: how far the replica must have replayed, and whether it already had to use the primary. */
    public static final class Route {
        private final long mustReach;
        private volatile boolean primary;

        Route(long mustReach) {
            this.mustReach = mustReach;
        }

        long mustReach() {
            return mustReach;
        }

        boolean decidedPrimary() {
            return primary;
        }

        void choosePrimary() {
            primary = true;
        }
    }

    private final Replica replica;
    private final OwnWrites ownWrites;

    ReadRoutes(Replica replica, OwnWrites ownWrites) {
        this.replica = replica;
        this.ownWrites = ownWrites;
    }

    void install(@Observes Router router) {
        if (replica.configured()) {
            router.route().order(RouteConstants.ROUTE_ORDER_COMPRESSION + 2).handler(this::mark);
        }
    }

    void mark(RoutingContext routing) {
        HttpMethod method = routing.request().method();
        if ((method == HttpMethod.GET || method == HttpMethod.HEAD) && isReaderPath(routing.normalizedPath())) {
            Cookie wrote = routing.request().getCookie(ownWrites.cookieName());
            ContextLocals.put(KEY, new Route(wrote == null ? 0 : ownWrites.mustReach(wrote.getValue())));
        }
        routing.next();
    }

    static boolean isReaderPath(String path) {
        return path != null && READER_PATHS.matcher(path).matches();
    }

    /** The reader route of the request being served on this thread, or null (read the primary). */
    static Route current() {
        try {
            return ContextLocals.<Route> get(KEY).orElse(null);
        } catch (UnsupportedOperationException | IllegalStateException e) {
            // not on a request's context (a job, startup, a plain thread)
            return null;
        }
    }
}
