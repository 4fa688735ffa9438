package io.tribune.notification;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.jboss.logging.Logger;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * {@code POST /unsubscribe?token=}: one-click unsubscribing (RFC 8058: mail clients POST
 * {@code List-Unsubscribe=One-Click} with no cookie and no CSRF token, so this is a plain route outside the REST
 * layer and its CSRF filter; the signed token is the proof). A one-click POST is answered 200; the button on
 * {@link UnsubscribePages} gets a redirect back to that page, which then says the emails have stopped. A refused
 * token changes nothing and shows the page's explanation.
 */
@ApplicationScoped
class UnsubscribeRoute {

    private static final Logger LOG = Logger.getLogger(UnsubscribeRoute.class);

    private final UnsubscribeTokens tokens;
    private final NoticeService notices;

    UnsubscribeRoute(UnsubscribeTokens tokens, NoticeService notices) {
        this.tokens = tokens;
        this.notices = notices;
    }

    void install(@Observes Router router) {
        // the body is read (a few bytes: List-Unsubscribe=One-Click) only to tell a mail client from the page's button
        router.post("/unsubscribe").order(RouteConstants.ROUTE_ORDER_COMPRESSION + 2)
                .handler(BodyHandler.create(false).setBodyLimit(4096)).handler(this::unsubscribe);
    }

    private void unsubscribe(RoutingContext routing) {
        String token = routing.queryParams().get("token");
        String body = routing.body() == null ? null : routing.body().asString();
        boolean oneClick = body != null && body.contains("List-Unsubscribe=One-Click");
        routing.vertx().<Integer>executeBlocking(() -> {
            try {
                notices.unsubscribe(tokens.check(token));
                return 200;
            } catch (UnsubscribeTokens.Refused e) {
                return 400;
            }
        }, false).onComplete(done -> {
            if (done.failed()) {
                LOG.warnf(done.cause(), "Unsubscribing failed");
                routing.response().setStatusCode(503).putHeader(HttpHeaders.CONTENT_TYPE, "text/plain;charset=UTF-8")
                        .putHeader("Retry-After", "60").end("Tribune cannot change your email choices right now. Please try again in a minute.");
            } else if (oneClick) {
                routing.response().setStatusCode(done.result()).putHeader(HttpHeaders.CONTENT_TYPE, "text/plain;charset=UTF-8")
                        .end(done.result() == 200 ? "Unsubscribed." : "This unsubscribe link is not valid; nothing was changed.");
            } else {
                routing.response().setStatusCode(303).putHeader(HttpHeaders.LOCATION,
                        "/unsubscribe?token=" + URLEncoder.encode(token == null ? "" : token, StandardCharsets.UTF_8)).end();
            }
        });
    }
}
