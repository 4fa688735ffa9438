package io.tribune.web;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.container.ContainerRequestContext;

/**
 * PostgreSQL cannot store or even compare text containing a NUL character: a slug or username with one
 * ({@code /articles/a%00b}) made every lookup fail with a 500. No address of this site has a use for it, so such a
 * path is refused up front with a 400. (Query and form values are left to their features: search accepts any input;
 * elsewhere {@link ErrorPages} turns PostgreSQL's refusal of a NUL into a 400.)
 */
public class NulGuard {

    @ServerRequestFilter(preMatching = true)
    public void refuseNul(ContainerRequestContext request) {
        if (request.getUriInfo().getPath().indexOf('\0') >= 0) {
            throw new BadRequestException("The address contains a character that is not allowed.");
        }
    }
}
