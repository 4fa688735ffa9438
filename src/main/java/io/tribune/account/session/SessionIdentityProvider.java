package io.tribune.account.session;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.tribune.account.User;
import io.tribune.account.UserStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;

/**
 * Turns a session cookie's claim into an identity, re-reading the user on every request: a stale generation,
 * a deleted account or an account without a password is refused. The principal's name is the username.
 * Roles are the stored ones, except that "commenter" is only granted once the email address is verified.
 */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<SessionRequest> {

    @Override
    public Class<SessionRequest> getRequestType() {
        return SessionRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(SessionRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> identity(request));
    }

    // a single read: no transaction (BEGIN and COMMIT would be two more round trips on every logged-in request)
    @ActivateRequestContext
    SecurityIdentity identity(SessionRequest request) {
        User user = User.findById(request.userId());
        if (user == null || user.status == UserStatus.DELETED || user.passwordHash == null
                || user.sessionGeneration != request.generation()) {
            throw new AuthenticationFailedException("Session no longer valid");
        }
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(user.username))
                .addRole("user")
                .addAttribute("userId", user.id);
        for (String role : user.roles.split(",")) {
            String r = role.trim();
            if (!r.isEmpty() && (!r.equals("commenter") || user.verified())) {
                builder.addRole(r);
            }
        }
        return builder.build();
    }
}
