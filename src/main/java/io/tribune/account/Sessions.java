package io.tribune.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Ends every session of a user by moving their session generation on: older cookies are refused. */
@ApplicationScoped
public class Sessions {

    @Transactional
    public User endAll(long userId) {
        User user = User.findById(userId);
        user.sessionGeneration++;
        return user;
    }

    @Transactional
    public User find(long userId) {
        return User.findById(userId);
    }
}
