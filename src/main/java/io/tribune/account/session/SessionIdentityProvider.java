package io.tribune.account.session;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.tribune.account.UserStatus;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Turns a session cookie's claim into an identity, re-reading the user on every request: a stale generation,
 * a deleted account or an account without a password is refused. The principal's name is the username.
 * Roles are the stored ones, except that "commenter" is only granted once the email is verified.
 * <p>
 * This runs on every logged-in request, so it is one plain JDBC statement on a connection that goes back to the
 * pool at once. (A Hibernate session outside a transaction would keep its connection until the end of the request,
 * so every write request would hold two connections and a busy pool would starve; a transaction would add BEGIN
 * and COMMIT round trips.)
 */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<SessionRequest> {

    private static final String QUERY = "select username, status, password_hash is not null, session_generation, roles,"
            + " email_verified_at is not null from app_user where id = ?";

    private final DataSource dataSource;

    SessionIdentityProvider(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Class<SessionRequest> getRequestType() {
        return SessionRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(SessionRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> identity(request));
    }

    SecurityIdentity identity(SessionRequest request) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(QUERY)) {
            statement.setLong(1, request.userId());
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next() || UserStatus.DELETED.name().equals(row.getString(2)) || !row.getBoolean(3)
                        || row.getInt(4) != request.generation()) {
                    throw new AuthenticationFailedException("Session no longer valid");
                }
                return identity(request.userId(), row.getString(1), row.getString(5), row.getBoolean(6));
            }
        } catch (SQLException e) {
            throw new AuthenticationFailedException(e);
        }
    }

    private static SecurityIdentity identity(long userId, String username, String roles, boolean verified) {
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(username))
                .addRole("user")
                .addAttribute("userId", userId);
        for (String role : roles.split(",")) {
            String r = role.trim();
            if (!r.isEmpty() && (!r.equals("commenter") || verified)) {
                builder.addRole(r);
            }
        }
        return builder.build();
    }
}
