package io.tribune.replica;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.runtime.AgroalDataSourceUtil;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.tribune.web.DatabaseChanges;
import io.tribune.web.DatabaseFailures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The optional read replica (datasource {@value #DATASOURCE}) and what is known of its replay. A reader gets a replica
 * connection only when the replica is reachable, its replay lag is within {@code tribune.replica.max-lag}, and it has
 * replayed at least everything this instance has been told changed ({@link DatabaseChanges#announcedPosition()}) and
 * the reader's own last write: so nothing read from it, and nothing kept in memory from it, is older than a change
 * this instance already knows of. Every other case reads from the primary, without a failed request.
 */
@ApplicationScoped
public class Replica {

    public static final String DATASOURCE = "replica";

    private static final Logger LOG = Logger.getLogger(Replica.class);

    /** The replayed position and lag; a server that is not a standby (e.g. the primary itself) is "caught up". */
    private static final String STATE = """
            select (case when pg_is_in_recovery() then pg_last_wal_replay_lsn() else pg_current_wal_lsn() end
                    - '0/0'::pg_lsn)::bigint,
                   case when not pg_is_in_recovery() or pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() then 0
                        else coalesce(extract(epoch from now() - pg_last_xact_replay_timestamp()), 0) end::float8""";

    private final DatabaseChanges changes;
    private final ReplicaSettings settings;
    private final double maxLagSeconds;
    private final Optional<AgroalDataSource> dataSource;
    private volatile ReplicaState state = ReplicaState.NOT_CONFIGURED;
    private volatile boolean usable;
    private volatile boolean running;
    private Thread thread;

    Replica(DatabaseChanges changes, ReplicaSettings settings) {
        this.changes = changes;
        this.settings = settings;
        this.maxLagSeconds = settings.maxLag().toMillis() / 1000.0;
        Optional<AgroalDataSource> pool;
        try {
            pool = AgroalDataSourceUtil.dataSourceIfActive(DATASOURCE);
        } catch (RuntimeException e) {
            LOG.warnf("The replica datasource cannot be used (%s): every read goes to the primary",
                    DatabaseFailures.rootMessage(e));
            pool = Optional.empty();
        }
        this.dataSource = pool;
        if (pool.isPresent()) {
            changes.trackPositions();
            state = ReplicaState.down("not checked yet");
        }
    }

    void start(@Observes StartupEvent event) {
        if (dataSource.isEmpty()) {
            return;
        }
        check();
        if (!usable) {
            LOG.warnf("Replica %s", describe());
        }
        running = true;
        thread = new Thread(this::watch, "tribune-replica-check");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    public boolean configured() {
        return dataSource.isPresent();
    }

    public ReplicaState state() {
        return state;
    }

    public String describe() {
        return state.describe(maxLagSeconds);
    }

    /**
     * A replica connection for a reader that must see at least WAL position {@code mustReach} (0: nothing of their
     * own), or null when the primary must serve them. Checks the replica on the connection it hands out, so a
     * replica that has just gone away costs no failed request, only this reader's trip to the primary.
     */
    Connection readerConnection(long mustReach) {
        if (!usable || dataSource.isEmpty()) {
            return null;
        }
        long needed = Math.max(mustReach, changes.announcedPosition());
        Connection connection = null;
        try {
            connection = dataSource.get().getConnection();
            ReplicaState now = read(connection);
            update(now);
            if (usable && now.position() >= needed) {
                return connection;
            }
            connection.close();
            return null;
        } catch (SQLException | RuntimeException e) {
            closeQuietly(connection);
            failed(e);
            return null;
        }
    }

    private void watch() {
        while (running) {
            try {
                Thread.sleep(settings.checkEvery().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            check();
        }
    }

    private void check() {
        try (Connection connection = dataSource.get().getConnection()) {
            update(read(connection));
        } catch (SQLException | RuntimeException e) {
            failed(e);
        }
    }

    private static ReplicaState read(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(STATE)) {
            row.next();
            return new ReplicaState(true, row.getLong(1), row.getDouble(2), null, System.currentTimeMillis());
        }
    }

    private void failed(Throwable e) {
        // connections to a replica that went away are dead: drop them so that its return is noticed
        dataSource.get().flush(AgroalDataSource.FlushMode.ALL);
        update(ReplicaState.down(DatabaseFailures.rootMessage(e)));
    }

    private synchronized void update(ReplicaState now) {
        state = now;
        boolean nowUsable = now.reachable() && now.lagSeconds() <= maxLagSeconds;
        if (nowUsable != usable) {
            usable = nowUsable;
            if (nowUsable) {
                LOG.info("Reading from the replica");
            } else {
                LOG.warnf("Replica %s", now.describe(maxLagSeconds));
            }
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // already failing: the primary serves this reader
            }
        }
    }
}
