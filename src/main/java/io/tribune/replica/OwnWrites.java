package io.tribune.replica;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.quarkus.runtime.BlockingOperationControl;
import io.tribune.config.TribuneConfig;
import io.tribune.web.DatabaseFailures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Read-your-writes with a replica: after a logged-in user's write (any successful request other than GET, HEAD or
 * OPTIONS) a signed cookie remembers the primary's WAL position, for {@code tribune.replica.own-writes-for}. Their
 * reader requests then go to the primary until the replica has replayed that far ({@link ReadRoutes}). Only with a
 * replica configured, only for logged-in users: anonymous readers still get no cookie.
 */
@ApplicationScoped
public class OwnWrites {

    private static final Logger LOG = Logger.getLogger(OwnWrites.class);
    /** "Until the cookie expires": used when the position cannot be read, so the primary serves them meanwhile. */
    private static final long UNKNOWN = Long.MAX_VALUE;

    private final Replica replica;
    private final ReplicaSettings settings;
    private final String sessionCookie;
    private final boolean secure;
    private final byte[] key;

    OwnWrites(Replica replica, ReplicaSettings settings, TribuneConfig config,
            @ConfigProperty(name = "quarkus.http.auth.session.encryption-key") java.util.Optional<String> sessionKey) {
        this.replica = replica;
        this.settings = settings;
        this.sessionCookie = config.accounts().sessionCookie();
        this.secure = config.accounts().secureCookie();
        this.key = sessionKey.map(OwnWrites::derive).orElseGet(OwnWrites::random);
    }

    String cookieName() {
        return settings.cookie();
    }

    @ServerResponseFilter
    public void remember(ContainerRequestContext request, ContainerResponseContext response) {
        String method = request.getMethod();
        if (!replica.configured() || method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")
                || response.getStatus() >= 400 || !request.getCookies().containsKey(sessionCookie)) {
            return;
        }
        long until = System.currentTimeMillis() + settings.ownWritesFor().toMillis();
        String value = Long.toHexString(primaryPosition()) + "." + Long.toHexString(until);
        response.getHeaders().add(HttpHeaders.SET_COOKIE, settings.cookie() + "=" + value + "." + sign(value)
                + "; Path=/; Max-Age=" + settings.ownWritesFor().toSeconds() + "; HttpOnly; SameSite=Lax"
                + (secure ? "; Secure" : ""));
    }

    /** The WAL position a cookie asks the replica to have replayed, or 0 when it is expired, forged or malformed. */
    long mustReach(String cookie) {
        int mac = cookie.lastIndexOf('.');
        if (mac < 0 || !MessageDigest.isEqual(sign(cookie.substring(0, mac)).getBytes(StandardCharsets.US_ASCII),
                cookie.substring(mac + 1).getBytes(StandardCharsets.US_ASCII))) {
            return 0;
        }
        String[] parts = cookie.substring(0, mac).split("\\.");
        try {
            long position = Long.parseUnsignedLong(parts[0], 16);
            long until = Long.parseLong(parts[1], 16);
            return parts.length == 2 && System.currentTimeMillis() < until ? position : 0;
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            return 0;
        }
    }

    private long primaryPosition() {
        if (!BlockingOperationControl.isBlockingAllowed()) {
            return UNKNOWN;
        }
        try (Connection connection = PrimaryDataSource.get().getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("select (pg_current_wal_lsn() - '0/0'::pg_lsn)::bigint")) {
            row.next();
            return row.getLong(1);
        } catch (SQLException | RuntimeException e) {
            LOG.debugf("Primary position unknown (%s): this user reads the primary until the cookie expires",
                    DatabaseFailures.rootMessage(e));
            return UNKNOWN;
        }
    }

    private String sign(String value) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(hmac.doFinal(value.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] derive(String sessionKey) {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest(("tribune-wrote:" + sessionKey).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] random() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
