package io.tribune.web;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * PostgreSQL's notices of changed rows, for what each instance keeps in memory. Triggers (V7__change_notices.sql)
 * send a notice on the channel {@value #CHANNEL} from the transaction that changes a row, and PostgreSQL delivers it
 * to every listening instance only if that transaction commits. So a copy kept "until the row changes" is exact
 * across any number of instances, whoever wrote the change — as long as this instance is listening.
 * <p>
 * One dedicated connection (outside the pool) listens on a background thread. While it is down (database outage,
 * network trouble) {@link #isLive()} is false and the copies must not be used: listeners are told to forget
 * everything when the connection is lost and again when it is back, since notices sent meanwhile are lost.
 */
@ApplicationScoped
public class DatabaseChanges {

    public static final String CHANNEL = "tribune_changes";

    /** Something that keeps copies of rows and must drop them when told. Called on the listening thread. */
    public interface Listener {
        /** A notice such as {@code article:<slug>}, {@code user:<id>} or {@code pages}. */
        void changed(String notice);

        /** Notices may have been missed: forget every copy. */
        void forgetAll();
    }

    private static final Logger LOG = Logger.getLogger(DatabaseChanges.class);
    private static final long POLL_MILLIS = 500;
    /** A connection that stopped answering (a dead peer sends no reset) is noticed within this. */
    private static final long CHECK_EVERY_MILLIS = 5_000;
    private static final long RETRY_MILLIS = 1_000;

    @Inject
    TransactionSynchronizationRegistry transactions;

    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean live;
    private volatile boolean trackPositions;
    private volatile long announcedPosition;
    private volatile boolean running;
    private volatile Connection connection;
    private Thread thread;

    /**
     * For a change made by this instance: runs {@code forget} when the current transaction has ended (at once
     * outside one), so that this instance's next request sees the change without waiting for PostgreSQL's notice.
     */
    public void afterTransaction(Runnable forget) {
        if (transactions.getTransactionKey() == null) {
            forget.run();
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing before
            }

            @Override
            public void afterCompletion(int status) {
                forget.run();
            }
        });
    }

    /** Whether notices are being received now, so that copies kept until a notice are still exact. */
    public boolean isLive() {
        return live;
    }

    /**
     * From now on, note the primary's WAL position whenever notices arrive (see {@link #announcedPosition()}); used
     * when reads may go to a replica.
     */
    public void trackPositions() {
        trackPositions = true;
    }

    /**
     * A primary WAL position (in bytes) at or after the commit of every change announced to this instance so far, or
     * at the moment it last started listening; a replica that has replayed this far holds all of them. 0 unless
     * {@link #trackPositions()} was called.
     */
    public long announcedPosition() {
        return announcedPosition;
    }

    public void subscribe(Listener listener) {
        listeners.add(listener);
    }

    void start(@Observes StartupEvent event) {
        running = true;
        thread = new Thread(this::listen, "tribune-database-changes");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        live = false;
        closeQuietly(connection);
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void listen() {
        boolean warned = false;
        while (running) {
            try (Connection listening = connect("tribune-changes"); Statement statement = listening.createStatement()) {
                connection = listening;
                statement.execute("LISTEN " + CHANNEL);
                notePosition(statement);
                forgetAll();
                live = true;
                if (warned) {
                    LOG.info("Listening to database changes again");
                    warned = false;
                }
                receive(listening.unwrap(PGConnection.class), statement);
            } catch (SQLException | RuntimeException e) {
                if (running && !warned) {
                    LOG.warnf("Not listening to database changes (%s): in-memory copies are not used until it is back",
                            DatabaseFailures.rootMessage(e));
                    warned = true;
                }
            } finally {
                live = false;
                connection = null;
                forgetAll();
            }
            pause(RETRY_MILLIS);
        }
    }

    private void receive(PGConnection listening, Statement statement) throws SQLException {
        long checked = System.nanoTime();
        while (running) {
            PGNotification[] notices = listening.getNotifications((int) POLL_MILLIS);
            if (notices != null && notices.length > 0) {
                // before the copies are forgotten, so a reader that misses the copy knows how far a replica must be
                notePosition(statement);
                for (PGNotification notice : notices) {
                    for (Listener listener : listeners) {
                        listener.changed(notice.getParameter());
                    }
                }
            }
            if (System.nanoTime() - checked > TimeUnit.MILLISECONDS.toNanos(CHECK_EVERY_MILLIS)) {
                statement.execute("select 1");
                checked = System.nanoTime();
            }
        }
    }

    private void notePosition(Statement statement) throws SQLException {
        if (trackPositions) {
            try (var row = statement.executeQuery("select (pg_current_wal_lsn() - '0/0'::pg_lsn)::bigint")) {
                row.next();
                announcedPosition = Math.max(announcedPosition, row.getLong(1));
            }
        }
    }

    private void forgetAll() {
        for (Listener listener : listeners) {
            listener.forgetAll();
        }
    }

    /**
     * The pool's database and account, on a connection of its own that times out rather than hang. With a pooler in
     * transaction mode in front of the pool (PgBouncer), which does not pass notifications, {@code
     * tribune.change-notices.jdbc-url} (and {@code .username}, {@code .password}) point this one straight at the
     * primary. Also used by the live streams' own listener ({@code io.tribune.live}).
     */
    public static Connection connect(String applicationName) throws SQLException {
        Config config = ConfigProvider.getConfig();
        Properties properties = new Properties();
        config.getOptionalValue("tribune.change-notices.username", String.class)
                .or(() -> config.getOptionalValue("quarkus.datasource.username", String.class))
                .ifPresent(u -> properties.setProperty("user", u));
        config.getOptionalValue("tribune.change-notices.password", String.class)
                .or(() -> config.getOptionalValue("quarkus.datasource.password", String.class))
                .ifPresent(p -> properties.setProperty("password", p));
        properties.setProperty("connectTimeout", "2");
        properties.setProperty("loginTimeout", "3");
        properties.setProperty("socketTimeout", "10");
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("ApplicationName", applicationName);
        String url = config.getOptionalValue("tribune.change-notices.jdbc-url", String.class)
                .orElseGet(() -> config.getValue("quarkus.datasource.jdbc.url", String.class));
        return DriverManager.getConnection(url, properties);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // closing on the way out
            }
        }
    }
}
