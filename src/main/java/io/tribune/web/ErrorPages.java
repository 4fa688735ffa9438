package io.tribune.web;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.tribune.config.TribuneConfig;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * Errors in the site's own design for people, and as {@code {"status", "message"}} JSON for the API.
 * Unexpected failures are logged with an id the page shows, and never reveal internals.
 */
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);
    private static final java.lang.annotation.Annotation[] NO_ANNOTATIONS = {};
    private static final String BODY_PARSERS = "org.jboss.resteasy.reactive.server.core.multipart.";
    private static final String FORM_PARSER = BODY_PARSERS + "FormEncodedDataDefinition";
    private static final java.util.Set<String> UNSTORABLE_TEXT = java.util.Set.of("22021", "22P05");

    @Inject
    DatabaseGate databaseGate;

    @Inject
    TribuneConfig config;

    @Inject
    Site site;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(int status, String title, String message);

        /** For refusals answered before the request reaches Quarkus REST: no session, no database. */
        static native TemplateInstance bare(int status, String title, String message, String stylesheet);
    }

    public record ApiError(int status, String message, String field) {
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri, HttpHeaders headers) {
        Response original = e.getResponse();
        int status = original.getStatus();
        if (status < 400 || original.hasEntity()) {
            return original;
        }
        if (status == 400 && e.getCause() instanceof JsonProcessingException unreadable) {
            return JsonErrors.response(unreadable); // a body the JSON reader refused: name the field
        }
        return render(status, messageFor(status, e), uri, headers);
    }

    /** A logged-in user without the role a route needs (anonymous users get the log-in challenge instead). */
    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e, UriInfo uri, HttpHeaders headers) {
        return render(403, "You do not have permission to do that.", uri, headers);
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, UriInfo uri, HttpHeaders headers) {
        if (DatabaseFailures.unavailable(e)) { // down, restarting or out of connections: not a bug, say "back soon"
            databaseGate.failed(e);
            site.withoutDatabase();
            LOG.warnf("Database unavailable on %s (%s)", uri.getPath(), DatabaseFailures.rootMessage(e));
            return unavailable(uri, headers, config.database().retryAfter());
        }
        if (isUnstorableText(e)) {
            // the input, not the server, is at fault: PostgreSQL stores no NUL character in text
            LOG.debugf("Refused text PostgreSQL cannot store on %s: %s", uri.getPath(), e);
            return render(400, "The text contains a character that cannot be stored (such as a NUL character).", uri,
                    headers);
        }
        if (isUndecodableForm(e)) {
            return render(400, "The form could not be read: it contains a malformed %-escape.", uri, headers);
        }
        return serverError(e, uri, headers);
    }

    /**
     * A form or multipart body that cannot be parsed (cut short, or without its closing boundary) makes Quarkus
     * REST's body parser throw an IOException before any resource runs: the client's mistake, a 400.
     */
    @ServerExceptionMapper
    public Response unreadableBody(IOException e, UriInfo uri, HttpHeaders headers,
            io.vertx.core.http.HttpServerResponse response) throws IOException {
        if (response.ended()) {
            // a chunked body over quarkus.http.limits.max-body-size: Quarkus has answered 413 and closed the
            // connection while the parser read it. Left to Quarkus's error handler, which writes nothing more.
            LOG.debugf("Request body over the limit on %s: %s", uri.getPath(), e);
            throw e;
        }
        if (thrownBy(e, BODY_PARSERS)) {
            LOG.debugf("Unreadable request body on %s: %s", uri.getPath(), e);
            return render(400, "The form could not be read: its data is malformed or incomplete. Please try again.",
                    uri, headers);
        }
        return serverError(e, uri, headers);
    }

    private static Response serverError(Throwable e, UriInfo uri, HttpHeaders headers) {
        String id = Long.toString(System.nanoTime(), 36);
        LOG.errorf(e, "Unexpected error %s on %s", id, uri.getPath());
        return render(500, "Something went wrong on our side (reference " + id + "). Please try again in a moment.",
                uri, headers);
    }

    /** The database cannot be reached or is overloaded: 503 with Retry-After; the page itself needs no database. */
    public static Response unavailable(UriInfo uri, HttpHeaders headers, Duration retryAfter) {
        Response page = render(503, "Tribune cannot reach its database at the moment. Please try again in a few seconds."
                + " If you were sending something, check whether it arrived before sending it again.", uri, headers);
        return Response.fromResponse(page).header(HttpHeaders.RETRY_AFTER, Math.max(1, retryAfter.toSeconds())).build();
    }

    /**
     * Some refusals are answered before any resource runs and carry no body (quarkus-rest-csrf answers a missing or
     * wrong token with a bare 400): they get the site's error page, or the API's JSON error, like every other error.
     */
    @ServerResponseFilter
    public void fillEmptyError(ContainerRequestContext request, ContainerResponseContext response) {
        int status = response.getStatus();
        if (status < 400 || response.hasEntity() || "HEAD".equals(request.getMethod())) {
            return;
        }
        String message = status == 400
                ? "The request could not be handled. If you were sending a form, reload its page and try again."
                : messageFor(status, new WebApplicationException(status));
        if (wantsJson(request.getUriInfo(), request.getAcceptableMediaTypes())) {
            response.setEntity(new ApiError(status, message, null), NO_ANNOTATIONS, MediaType.APPLICATION_JSON_TYPE);
        } else {
            // rendered here: a template instance set as the entity this late would not be rendered any more
            response.setEntity(Templates.error(status, titleFor(status), message).render(), NO_ANNOTATIONS,
                    MediaType.TEXT_HTML_TYPE);
        }
    }

    /** A form body with a broken %-escape ("%zz"): Quarkus REST's form parser throws while decoding it. */
    static boolean isUndecodableForm(RuntimeException e) {
        return e instanceof IllegalArgumentException && thrownBy(e, FORM_PARSER);
    }

    private static boolean thrownBy(Throwable e, String classNamePrefix) {
        for (StackTraceElement frame : e.getStackTrace()) {
            if (frame.getClassName().startsWith(classNamePrefix)) {
                return true;
            }
        }
        return false;
    }

    /** Text with a character PostgreSQL refuses (SQLSTATE 22021: a NUL; 22P05: untranslatable). */
    static boolean isUnstorableText(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && UNSTORABLE_TEXT.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    public static Response render(int status, String message, UriInfo uri, HttpHeaders headers) {
        if (wantsJson(uri, headers.getAcceptableMediaTypes())) {
            return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new ApiError(status, message, null)).build();
        }
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.error(status, titleFor(status), message)).build();
    }

    private static boolean wantsJson(UriInfo uri, List<MediaType> accepted) {
        if (uri.getPath().startsWith("/api/")) {
            return true;
        }
        return !accepted.isEmpty() && accepted.get(0).isCompatible(MediaType.APPLICATION_JSON_TYPE)
                && !accepted.get(0).isWildcardType();
    }

    private static String titleFor(int status) {
        return switch (status) {
            case 400 -> "That request did not make sense";
            case 401 -> "Please log in";
            case 403 -> "Not allowed";
            case 404 -> "Page not found";
            case 405 -> "Not allowed";
            case 409 -> "Conflict";
            case 413 -> "Too large";
            case 429 -> "Slow down";
            case 503 -> "Back soon";
            default -> status >= 500 ? "Something went wrong" : "Request refused";
        };
    }

    private static String messageFor(int status, WebApplicationException e) {
        return switch (status) {
            case 404 -> "We could not find that page. It may have moved, or the link may be wrong.";
            case 405 -> "That action is not possible here.";
            case 401 -> "You need to log in to do that.";
            case 403 -> "You do not have permission to do that.";
            default -> e.getMessage() != null && !e.getMessage().startsWith("HTTP ") ? e.getMessage()
                    : "The request could not be handled.";
        };
    }
}
