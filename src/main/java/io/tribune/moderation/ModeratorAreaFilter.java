package io.tribune.moderation;

import io.tribune.account.CurrentUser;
import io.tribune.account.UserStatus;
import jakarta.annotation.Priority;
import io.tribune.web.ErrorPages;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Roles alone are not enough in the admin area: a moderator whose own account is suspended or de-registered is
 * refused, whatever roles the session still carries.
 */
@Provider
@ModeratorArea
@Priority(Priorities.AUTHORIZATION + 10)
public class ModeratorAreaFilter implements ContainerRequestFilter {

    private final CurrentUser current;

    ModeratorAreaFilter(CurrentUser current) {
        this.current = current;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (current.isLoggedIn() && current.get().map(u -> u.status != UserStatus.ACTIVE).orElse(true)) {
            // answered here, plainly: this runs before the CSRF filter, so no page with the layout can render yet
            String message = "Your account may not use the moderation tools right now.";
            request.abortWith(request.getUriInfo().getPath().startsWith("/api/")
                    ? Response.status(403).type(MediaType.APPLICATION_JSON_TYPE).entity(new ErrorPages.ApiError(403, message, null)).build()
                    : Response.status(403).type(MediaType.TEXT_PLAIN_TYPE).entity(message).build());
        }
    }
}
