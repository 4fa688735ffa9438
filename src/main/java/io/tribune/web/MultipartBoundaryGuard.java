package io.tribune.web;

import java.util.Optional;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Bodies refused before Quarkus REST reads them. One declared larger than {@code tribune.http.max-body-size}
 * (10 MB; {@code quarkus.http.limits.max-body-size}, 200 MB, on {@code /admin/import} only) gets its 413 at once, and
 * one that declares no length (chunked) a 411, unless it is multipart (files are streamed to disk): left to Quarkus, the limit answered 413 while the resource still ran and wrote a second
 * response (an ERROR "Response has already been written"). And a multipart body whose boundary is missing, empty or not one RFC 2046 allows (1 to 70 characters of a small set)
 * is refused with a 400 before anything reads it. Quarkus's multipart parsing fails on an empty boundary with an
 * exception (a 500, and on file uploads an ERROR "Response has already been written"), so this runs as a Vert.x
 * filter, ahead of the body handlers, rather than as a REST filter.
 */
@ApplicationScoped
public class MultipartBoundaryGuard {

    static final String MESSAGE = "The form was sent with a missing or malformed multipart boundary.";

    /** RFC 2046 section 5.1.1: bcharsnospace, plus spaces anywhere but at the end. */
    private static final Pattern BOUNDARY = Pattern.compile("[0-9A-Za-z'()+_,\\-./:=? ]{0,69}[0-9A-Za-z'()+_,\\-./:=?]");

    /** The one route allowed a body up to {@code quarkus.http.limits.max-body-size} (an import file). */
    static final String LARGE_UPLOADS = "/admin/import";

    private final StaticAssets assets;
    private final long maxBodyBytes;
    private final long maxUploadBytes;

    MultipartBoundaryGuard(StaticAssets assets,
            io.tribune.config.TribuneConfig config,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxUploadSize) {
        this.assets = assets;
        this.maxBodyBytes = config.http().maxBodySize().asLongValue();
        this.maxUploadBytes = maxUploadSize.map(MemorySize::asLongValue).orElse(Long.MAX_VALUE);
    }

    void register(@Observes Filters filters) {
        filters.register(this::refuseBadBoundary, 200);
    }

    private void refuseBadBoundary(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        boolean upload = context.normalizedPath().equals(LARGE_UPLOADS);
        String type = context.request().getHeader(HttpHeaders.CONTENT_TYPE);
        boolean multipart = type != null && type.regionMatches(true, 0, "multipart/", 0, "multipart/".length());
        // Vert.x reads bodies up to quarkus.http.limits.max-body-size (raised for the import upload). A body that
        // does not declare its length (chunked) is refused unless it is multipart: Vert.x keeps other bodies in
        // memory, while multipart files go to temporary files on disk (and each form field is capped at
        // quarkus.http.limits.max-form-attribute-size)
        if (length == null && !upload && !multipart && context.request().headers().contains(HttpHeaders.TRANSFER_ENCODING)) {
            context.response().setStatusCode(411).putHeader(HttpHeaders.CONNECTION, "close")
                    .putHeader(HttpHeaders.CACHE_CONTROL, "no-store").end();
            return;
        }
        if (length != null && declaredLength(length) > (upload ? maxUploadBytes : maxBodyBytes)) {
            context.response().setStatusCode(413).putHeader(HttpHeaders.CONNECTION, "close")
                    .putHeader(HttpHeaders.CACHE_CONTROL, "no-store").end();
            return;
        }
        if (!multipart || isWellFormed(boundary(type))) {
            context.next();
            return;
        }
        boolean api = context.normalizedPath().startsWith("/api/");
        String body = api ? "{\"status\":400,\"message\":\"" + MESSAGE + "\",\"field\":null}"
                : ErrorPages.Templates.bare(400, "Bad request", MESSAGE, assets.url("tribune.css")).render();
        context.response().setStatusCode(400)
                .putHeader(HttpHeaders.CONTENT_TYPE, api ? "application/json" : "text/html;charset=UTF-8")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(body);
    }

    private static long declaredLength(String header) {
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return -1; // Vert.x refuses a malformed Content-Length itself
        }
    }

    static boolean isWellFormed(String boundary) {
        return boundary != null && BOUNDARY.matcher(boundary).matches();
    }

    static String boundary(String contentType) {
        for (String parameter : contentType.split(";")) {
            String p = parameter.strip();
            int eq = p.indexOf('=');
            if (eq > 0 && p.substring(0, eq).strip().equalsIgnoreCase("boundary")) {
                String value = p.substring(eq + 1).strip();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                return value;
            }
        }
        return null;
    }
}
