package io.tribune.web;

import java.time.Duration;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Serves {@code /static/{hash}/{name}} from memory on the event loop (no database, so it works during an outage).
 * The current hash gets the file with a one-year immutable lifetime. An old or made-up hash of a known file is
 * redirected, never cached, to the current URL: a page rendered by another instance during a rolling deploy still
 * gets a stylesheet. An unknown name goes on to the usual 404.
 */
@ApplicationScoped
class StaticAssetRoute {

    static final String IMMUTABLE = "public, max-age=" + Duration.ofDays(365).toSeconds() + ", immutable";

    private final StaticAssets assets;

    StaticAssetRoute(StaticAssets assets) {
        this.assets = assets;
    }

    void install(@Observes Router router) {
        // after the configured response headers and compression are set up, before the static files and REST
        router.route(StaticAssets.PREFIX + ":hash/:name").method(HttpMethod.GET).method(HttpMethod.HEAD)
                .order(RouteConstants.ROUTE_ORDER_COMPRESSION + 1).handler(this::serve);
    }

    void serve(RoutingContext routing) {
        String hash = routing.pathParam("hash");
        StaticAssets.Asset asset = assets.find(routing.pathParam("name")).orElse(null);
        if (asset == null) {
            routing.next();
            return;
        }
        if (!asset.hash().equals(hash)) {
            routing.response().setStatusCode(307)
                    .putHeader(HttpHeaders.LOCATION, asset.url())
                    .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                    .end();
            return;
        }
        routing.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, asset.contentType())
                .putHeader(HttpHeaders.CACHE_CONTROL, IMMUTABLE)
                .end(Buffer.buffer(asset.content())); // a HEAD request gets the headers only
    }
}
