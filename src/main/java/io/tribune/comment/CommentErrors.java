package io.tribune.comment;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.tribune.web.ErrorPages;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** A refused comment action: JSON {@code {status, message, field}} in the API, the site's error page elsewhere. */
public class CommentErrors {

    @ServerExceptionMapper
    public Response refused(CommentException e, UriInfo uri, HttpHeaders headers) {
        if (uri.getPath().startsWith("/api/")) {
            return Response.status(e.status()).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new ErrorPages.ApiError(e.status(), e.getMessage(), e.field())).build();
        }
        return ErrorPages.render(e.status(), e.getMessage(), uri, headers);
    }
}
