package io.tribune.web;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * quarkus-rest-csrf verifies form posts, and the {@code X-CSRF-TOKEN} header whenever one is sent; a JSON request
 * without the header would pass unchecked. The API therefore requires the header on every state-changing call.
 */
public class ApiCsrfGuard {

    static final String HEADER = "X-CSRF-TOKEN";

    @ServerRequestFilter(preMatching = true)
    public Response requireHeader(ContainerRequestContext request) {
        String method = request.getMethod();
        boolean changesState = !("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method));
        String path = request.getUriInfo().getPath();
        if (changesState && path.startsWith("/api/") && request.getHeaderString(HEADER) == null) {
            return Response.status(403).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new ErrorPages.ApiError(403,
                            "Send the value of the csrf-token cookie in the " + HEADER + " header.", null))
                    .build();
        }
        return null;
    }
}
