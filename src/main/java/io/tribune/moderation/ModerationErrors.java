package io.tribune.moderation;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.tribune.web.ErrorPages;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** A refused moderation request: JSON {@code {status, message}} under /api/, else a page with the message. */
public class ModerationErrors {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance refused(int status, String message);
    }

    @ServerExceptionMapper
    public Response refused(ModerationRefused e, UriInfo uri) {
        if (uri.getPath().startsWith("/api/")) {
            return Response.status(e.status()).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new ErrorPages.ApiError(e.status(), e.getMessage(), null)).build();
        }
        return Response.status(e.status()).type(MediaType.TEXT_HTML_TYPE).entity(Templates.refused(e.status(), e.getMessage()))
                .build();
    }
}
