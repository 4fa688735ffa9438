package io.tribune.web;

import java.util.List;
import java.util.Map;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.UriInfo;

/**
 * PostgreSQL cannot store or even compare text containing a NUL character ({@code %00}): a slug, username or query
 * value with one made every lookup fail with a 500. No address or parameter of this site has a use for it, so such a
 * request is refused up front with a 400.
 */
public class NulGuard {

    @ServerRequestFilter(preMatching = true)
    public void refuseNul(ContainerRequestContext request) {
        UriInfo uri = request.getUriInfo();
        if (hasNul(uri.getPath()) || hasNul(uri.getQueryParameters())) {
            throw new BadRequestException("The address contains a character that is not allowed.");
        }
    }

    static boolean hasNul(String s) {
        return s != null && s.indexOf('\0') >= 0;
    }

    static boolean hasNul(Map<String, List<String>> parameters) {
        for (Map.Entry<String, List<String>> e : parameters.entrySet()) {
            if (hasNul(e.getKey()) || e.getValue().stream().anyMatch(NulGuard::hasNul)) {
                return true;
            }
        }
        return false;
    }
}
