package io.tribune.moderation;

import io.tribune.account.CurrentUser;
import io.tribune.account.UserStatus;
import jakarta.annotation.Priority;
import jakarta.ws.rs.ForbiddenException;
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
            throw new ForbiddenException("Your account may not use the moderation tools right now.");
        }
    }
}
