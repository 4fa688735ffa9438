package io.tribune.support;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tribune.web.ErrorPages;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * A payment provider tells the site that a reader started ({@code checkout.completed}) or stopped
 * ({@code subscription.ended}) supporting it. Signed with {@code tribune.supporters.webhook-secret}; each event id
 * is handled once, so a provider's retries and a replayed event change nothing. A plain Vert.x route rather than a
 * REST resource: the caller is a server with a signature, not a browser with a session, so the site's CSRF checks
 * (which would refuse it) do not apply.
 */
@ApplicationScoped
public class SupporterWebhook {

    static final String PATH = "/api/supporters/events";
    private static final int MAX_BODY = 64 * 1024;

    static final String SIGNATURE = "Tribune-Signature";

    private final SupportConfig config;
    private final SupporterEvents events;
    private final ObjectMapper json;

    SupporterWebhook(SupportConfig config, SupporterEvents events, ObjectMapper json) {
        this.config = config;
        this.events = events;
        this.json = json;
    }

    void install(@Observes Router router) {
        router.post(PATH).order(RouteConstants.ROUTE_ORDER_COMPRESSION + 1).handler(BodyHandler.create(false).setBodyLimit(MAX_BODY)).blockingHandler(this::serve);
    }

    private void serve(RoutingContext context) {
        Buffer raw = context.body().buffer();
        Response answer = receive(context.request().getHeader(SIGNATURE), raw == null ? "" : raw.toString());
        try {
            context.response().setStatusCode(answer.status()).putHeader("Content-Type", "application/json")
                    .putHeader("Cache-Control", "no-store").end(json.writeValueAsString(answer.body()));
        } catch (JsonProcessingException e) {
            context.fail(e);
        }
    }

    record Response(int status, Object body) {
        static Response ok(Object body) {
            return new Response(200, body);
        }
    }

    Response receive(String signature, String body) {
        String secret = config.webhookSecret().filter(s -> !s.isBlank()).orElse(null);
        if (secret == null) {
            return error(404, "Supporter events are not configured on this site.", null);
        }
        String refused = WebhookSignature.check(secret, signature, body == null ? "" : body, Instant.now(),
                config.webhookTolerance());
        if (refused != null) {
            return error(401, refused, null);
        }
        JsonNode event;
        try {
            event = json.readTree(body);
        } catch (JsonProcessingException e) {
            return error(400, "The body is not JSON.", null);
        }
        String id = text(event, "id");
        String type = text(event, "type");
        JsonNode data = event == null ? null : event.get("data");
        if (id == null || id.length() > 200) {
            return error(400, "An event needs an id of at most 200 characters.", "id");
        }
        if (type == null) {
            return error(400, "An event needs a type.", "type");
        }
        String email = text(data, "email");
        Instant until = null;
        if ("checkout.completed".equals(type)) {
            try {
                String u = text(data, "until");
                until = u == null ? null : Instant.parse(u);
            } catch (java.time.DateTimeException e) {
                return error(400, "data.until must be an ISO-8601 instant, e.g. 2027-01-31T00:00:00Z.", "data.until");
            }
            if (until == null) {
                return error(400, "checkout.completed needs data.until.", "data.until");
            }
        }
        if (("checkout.completed".equals(type) || "subscription.ended".equals(type)) && email == null) {
            return error(400, "The event needs data.email.", "data.email");
        }
        String outcome = events.handle(id, type, email, until);
        return Response.ok(Map.of("id", id, "outcome", outcome));
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v != null && v.isTextual() && !v.asText().isBlank() ? v.asText() : null;
    }

    private static Response error(int status, String message, String field) {
        return new Response(status, new ErrorPages.ApiError(status, message, field));
    }
}
