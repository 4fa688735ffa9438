package io.tribune.account;

import java.util.Optional;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;

/** The logged-in user of this request, read from the database at most once per request. */
@RequestScoped
public class CurrentUser {

    private final SecurityIdentity identity;
    private Optional<User> user;

    CurrentUser(SecurityIdentity identity) {
        this.identity = identity;
    }

    public Optional<User> get() {
        if (user == null) {
            user = identity.isAnonymous() ? Optional.empty() : User.findByUsername(identity.getPrincipal().getName());
        }
        return user;
    }

    /**
     * The logged-in user's id, from the identity the session mechanism built for this request (which has already
     * re-read the user and checked the session generation): no further query. Services re-check what they need.
     */
    public Optional<Long> id() {
        if (identity.isAnonymous()) {
            return Optional.empty();
        }
        Long id = identity.getAttribute("userId");
        return id != null ? Optional.of(id) : get().map(u -> u.id);
    }

    /** The logged-in user's username, from the identity: no query. */
    public Optional<String> username() {
        return identity.isAnonymous() ? Optional.empty() : Optional.of(identity.getPrincipal().getName());
    }

    public boolean isLoggedIn() {
        return !identity.isAnonymous();
    }

    /** Whether the reader chose a time zone of their own (pages kept for everyone show the site's). */
    public boolean hasOwnTimeZone() {
        return !identity.isAnonymous() && identity.getAttribute(io.tribune.web.TimeExtensions.ZONE_ATTRIBUTE) != null;
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }
}
