package io.tribune.account.session;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A session cookie's claim: this user, at this session generation. */
public class SessionRequest extends BaseAuthenticationRequest {

    private final long userId;
    private final int generation;

    SessionRequest(long userId, int generation) {
        this.userId = userId;
        this.generation = generation;
    }

    public long userId() {
        return userId;
    }

    public int generation() {
        return generation;
    }
}
