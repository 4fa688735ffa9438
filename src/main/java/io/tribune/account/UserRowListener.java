package io.tribune.account;

import io.quarkus.arc.Arc;
import io.tribune.account.session.SessionIdentityProvider;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;

/**
 * A user row changed through this instance (a logout, a new password, a verified address, a suspension): its
 * session check forgets what it remembered as soon as the transaction ends, so the user's very next request sees
 * it. Other instances learn of it from PostgreSQL's notice (see {@code DatabaseChanges}).
 */
public class UserRowListener {

    @PostUpdate
    @PostRemove
    void changed(User user) {
        if (user.id != null) {
            Arc.container().instance(SessionIdentityProvider.class).get().changedHere(user.id);
        }
    }
}
