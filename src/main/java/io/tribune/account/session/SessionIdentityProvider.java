package io.tribune.account.session;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import com.github.benmanes.caffeine.cache.Caffeine;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.tribune.account.UserStatus;
import io.tribune.web.DatabaseChanges;
import io.tribune.web.KeptUntilChanged;
import io.tribune.web.TimeExtensions;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Turns a session cookie's claim into an identity, re-reading the user on every request: a stale generation,
 * a deleted account or an account without a password is refused. The principal's name is the username.
 * Roles are the stored ones, except that "commenter" is only granted once the email is verified, and that a
 * suspended or de-registered account holds no role at all: it stays logged in (to read, see its settings, export
 * its data or delete itself) but no staff route and no participation is open to it, whatever roles are stored.
 * <p>
 * This runs on every logged-in request, so it is one plain JDBC statement on a connection that goes back to the
 * pool at once. (A Hibernate session outside a transaction would keep its connection until the end of the request,
 * so every write request would hold two connections and a busy pool would starve; a transaction would add BEGIN
 * and COMMIT round trips.)
 */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<SessionRequest>, DatabaseChanges.Listener {

    private static final String QUERY = "select username, status, password_hash is not null, session_generation, roles,"
            + " email_verified_at is not null, time_zone from app_user where id = ?";

    private static final String USER_NOTICE = "user:";

    /** Identity attributes: the user's id, and the session generation the cookie was issued under. */
    public static final String USER_ID = "userId";
    public static final String SESSION_GENERATION = "sessionGeneration";

    /** What the session check reads about a user. */
    private record Account(String username, String status, boolean hasPassword, int generation, String roles,
            boolean verified, java.time.ZoneId timeZone) {
    }

    private final DataSource dataSource;
    private final DatabaseChanges changes;
    /** Users with a session lately, as the database last said, until it announces a change to their row. */
    private final KeptUntilChanged<Long, Account> accounts;

    SessionIdentityProvider(DataSource dataSource, DatabaseChanges changes) {
        this.dataSource = dataSource;
        this.changes = changes;
        this.accounts = new KeptUntilChanged<>(changes, Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterAccess(Duration.ofMinutes(30))
                .<Long, Account>build());
        changes.subscribe(this);
    }

    @Override
    public Class<SessionRequest> getRequestType() {
        return SessionRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(SessionRequest request, AuthenticationRequestContext context) {
        Account known = accounts.getIfPresent(request.userId());
        if (known != null) {
            // checked against what the database last said about this user: no query, no worker thread
            return Uni.createFrom().item(() -> identity(request, known));
        }
        return context.runBlocking(() -> identity(request, accounts.get(request.userId(), this::read)));
    }

    /**
     * What a session cookie claims, checked against what the database last said about its user, without reading
     * it: for a page answered from memory on the event loop ({@link KnownSessions}). Empty when this user is not
     * kept (then the request goes the usual way, which reads them) or the claim is no longer valid.
     */
    java.util.Optional<KnownSessions.Known> known(long userId, int generation) {
        Account account = accounts.getIfPresent(userId);
        if (account == null || UserStatus.DELETED.name().equals(account.status()) || !account.hasPassword()
                || account.generation() != generation) {
            return java.util.Optional.empty();
        }
        boolean inGoodStanding = UserStatus.ACTIVE.name().equals(account.status());
        java.util.Set<String> roles = new java.util.HashSet<>();
        if (inGoodStanding) {
            for (String role : account.roles().split(",")) {
                String r = role.trim();
                if (!r.isEmpty() && (!r.equals("commenter") || account.verified())) {
                    roles.add(r);
                }
            }
        }
        return java.util.Optional.of(new KnownSessions.Known(userId, generation, account.username(),
                java.util.Set.copyOf(roles), account.timeZone()));
    }

    private SecurityIdentity identity(SessionRequest request, Account account) {
        if (account == null || UserStatus.DELETED.name().equals(account.status()) || !account.hasPassword()
                || account.generation() != request.generation()) {
            throw new AuthenticationFailedException("Session no longer valid");
        }
        boolean inGoodStanding = UserStatus.ACTIVE.name().equals(account.status());
        return identity(request.userId(), request.generation(), account.username(),
                inGoodStanding ? account.roles() : "", account.verified(), account.timeZone());
    }

    private Account read(Long userId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(QUERY)) {
            statement.setLong(1, userId);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? new Account(row.getString(1), row.getString(2), row.getBoolean(3), row.getInt(4),
                        row.getString(5), row.getBoolean(6), TimeExtensions.readerZone(row.getString(7))) : null;
            }
        } catch (SQLException e) {
            throw new AuthenticationFailedException(e);
        }
    }

    @Override
    public void changed(String notice) {
        if (notice.startsWith(USER_NOTICE)) {
            try {
                accounts.forget(Long.parseLong(notice.substring(USER_NOTICE.length())));
            } catch (NumberFormatException e) {
                accounts.forgetAll();
            }
        }
    }

    /** This instance changed the user's row: forget what the session check knew, once its transaction ends. */
    public void changedHere(long userId) {
        changes.afterTransaction(() -> changed(USER_NOTICE + userId));
    }

    @Override
    public void forgetAll() {
        accounts.forgetAll();
    }

    private static SecurityIdentity identity(long userId, int generation, String username, String roles,
            boolean verified, java.time.ZoneId timeZone) {
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(username))
                .addRole("user")
                .addAttribute(USER_ID, userId)
                .addAttribute(SESSION_GENERATION, generation);
        if (timeZone != null) {
            builder.addAttribute(TimeExtensions.ZONE_ATTRIBUTE, timeZone);
        }
        for (String role : roles.split(",")) {
            String r = role.trim();
            if (!r.isEmpty() && (!r.equals("commenter") || verified)) {
                builder.addRole(r);
            }
        }
        return builder.build();
    }
}
