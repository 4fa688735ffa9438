package io.tribune.web;

import java.util.Optional;
import java.util.regex.Pattern;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * An {@code Accept} header that cannot be read ({@code *}{@code /*;q=abc}, a quality value that is not a number
 * from 0 to 1, a media range without a subtype) is the client's mistake: 400 in the site's error page (JSON under
 * {@code /api/}). Quarkus REST would throw while negotiating the response, after the resource had run, and answer
 * 500; so the header is checked before routing and taken off the request, so that the error page itself can be
 * negotiated and rendered.
 */
@ApplicationScoped
public class MalformedAccept {

    /** Set on the routing context of a request whose Accept header was malformed (and removed). */
    public static final String MARK = "tribune.malformed-accept";

    // RFC 9110 section 12.4.2: a weight is 0 to 1 with at most three decimals
    private static final Pattern WEIGHT = Pattern.compile("0(\\.[0-9]{0,3})?|1(\\.0{0,3})?");

    void install(@Observes Router router) {
        // before every application route, including the anonymous article pages served from memory
        router.route().order(RouteConstants.ROUTE_ORDER_COMPRESSION).handler(this::check);
    }

    void check(RoutingContext routing) {
        String accept = routing.request().getHeader(HttpHeaders.ACCEPT);
        if (accept != null && !isValid(accept)) {
            routing.request().headers().remove(HttpHeaders.ACCEPT);
            routing.put(MARK, Boolean.TRUE);
        }
        routing.next();
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> refuse(RoutingContext routing, UriInfo uri, jakarta.ws.rs.core.HttpHeaders headers) {
        if (routing.get(MARK) == null) {
            return Optional.empty();
        }
        return Optional.of(ErrorPages.render(400, "The request's Accept header is malformed (a quality value must be a"
                + " number from 0 to 1, such as q=0.8).", uri, headers));
    }

    /** Whether every media range parses and every {@code q} parameter is a valid weight. */
    static boolean isValid(String accept) {
        for (String range : accept.split(",")) {
            if (range.isBlank()) {
                continue;
            }
            MediaType type;
            try {
                type = MediaType.valueOf(range.strip());
            } catch (RuntimeException e) {
                return false;
            }
            if (type.getType().isEmpty() || type.getSubtype().isEmpty()) {
                return false;
            }
            for (var parameter : type.getParameters().entrySet()) {
                if (parameter.getKey().equalsIgnoreCase("q") && !WEIGHT.matcher(parameter.getValue()).matches()) {
                    return false;
                }
            }
        }
        return true;
    }
}
