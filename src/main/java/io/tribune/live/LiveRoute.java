package io.tribune.live;

import java.util.OptionalLong;
import java.util.regex.Pattern;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.tribune.web.ClientAddress;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * {@code GET /articles/{slug}/live}: the article's live events as Server-Sent Events (docs/live.md). A plain Vert.x
 * route: an open stream holds no thread, only its connection, and the events are written by {@link LiveHub}. An
 * unknown or unpublished article goes on to the REST layer, which answers with the site's 404 page.
 */
@ApplicationScoped
class LiveRoute {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,199}");
    private static final Buffer OPENED = Buffer.buffer(": live\n\n");

    private final LiveHub hub;
    private final LiveReads reads;
    private final LiveSettings settings;

    LiveRoute(LiveHub hub, LiveReads reads, LiveSettings settings) {
        this.hub = hub;
        this.reads = reads;
        this.settings = settings;
    }

    void install(@Observes Router router) {
        if (settings.enabled()) {
            router.get("/articles/:slug/live").order(RouteConstants.ROUTE_ORDER_COMPRESSION + 1).handler(this::serve);
        }
    }

    void serve(RoutingContext routing) {
        String slug = routing.pathParam("slug");
        if (slug == null || !SLUG.matcher(slug).matches()) {
            routing.next();
            return;
        }
        String address = ClientAddress.of(routing.request());
        if (!hub.reserve(address)) {
            busy(routing.response());
            return;
        }
        routing.vertx().<OptionalLong>executeBlocking(() -> reads.publishedArticle(slug), false).onComplete(found -> {
            if (found.failed()) { // the database is out of reach: like a full house, come back later
                hub.release(address);
                busy(routing.response());
            } else if (found.result().isEmpty()) {
                hub.release(address);
                routing.next();
            } else if (routing.response().closed()) {
                hub.release(address);
            } else {
                stream(routing, found.result().getAsLong(), address);
            }
        });
    }

    private void stream(RoutingContext routing, long articleId, String address) {
        HttpServerResponse response = routing.response();
        response.setChunked(true)
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/event-stream;charset=UTF-8")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
                .putHeader("X-Accel-Buffering", "no")
                // never compressed: a compressor would hold events back until its buffer fills
                .putHeader(HttpHeaders.CONTENT_ENCODING, HttpHeaders.IDENTITY);
        LiveHub.Stream stream = new LiveHub.Stream(articleId, address, response, Vertx.currentContext());
        response.closeHandler(closed -> {
            hub.close(stream);
            hub.release(address);
        });
        response.write(OPENED);
        String lastEventId = routing.request().getHeader("Last-Event-ID");
        if (lastEventId == null) {
            lastEventId = routing.queryParams().get("lastEventId");
        }
        hub.open(stream, lastEventId == null || lastEventId.length() <= 100 ? lastEventId : "?"); // "?": not ours, reload
    }

    private void busy(HttpServerResponse response) {
        response.setStatusCode(503)
                .putHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, settings.retryAfter().toSeconds())))
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/plain;charset=UTF-8")
                .end("Too many live connections just now; the page works without them. Try again later.\n");
    }
}
