package io.tribune.moderation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * For sign-up (accounts): {@code blockedIdentities.isBlocked(username, email)} is true when either belongs to an
 * account de-registered under the comment policy, compared case-insensitively.
 */
@ApplicationScoped
public class BlockedIdentities {

    @Transactional
    public boolean isBlocked(String username, String email) {
        return BlockedIdentity.isBlocked(username, email);
    }
}
