package io.tribune.moderation;

import io.tribune.account.CurrentUser;
import io.tribune.account.User;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.NotAuthorizedException;

/** The logged-in user acting in a moderation request. */
@RequestScoped
public class Actor {

    private final CurrentUser current;

    Actor(CurrentUser current) {
        this.current = current;
    }

    public User get() {
        return current.get().orElseThrow(() -> new NotAuthorizedException("Please log in."));
    }
}
