package io.tribune.live;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.tribune.web.DatabaseChanges;
import io.tribune.web.DatabaseFailures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Listens on the channel {@value #CHANNEL} (V14__live_events.sql) on one connection of its own, outside the pool, and
 * hands each batch of notices to the {@link LiveHub}, with the database's last event id when it starts listening.
 * Notices sent while it is not connected are lost, so when it connects again every stream is told to reload.
 */
@ApplicationScoped
class LiveNotices {

    static final String CHANNEL = "tribune_live";
    private static final Logger LOG = Logger.getLogger(LiveNotices.class);
    private static final int POLL_MILLIS = 500;
    private static final long CHECK_EVERY_NANOS = 5_000_000_000L;

    private final LiveHub hub;
    private final LiveSettings settings;
    private volatile boolean running;
    private volatile Connection connection;
    private Thread thread;

    LiveNotices(LiveHub hub, LiveSettings settings) {
        this.hub = hub;
        this.settings = settings;
    }

    void start(@Observes StartupEvent event) {
        if (!settings.enabled()) {
            return;
        }
        running = true;
        thread = new Thread(this::listen, "tribune-live-notices");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        Connection c = connection;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                // closing on the way out
            }
        }
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void listen() {
        boolean warned = false;
        boolean connectedBefore = false;
        while (running) {
            try (Connection listening = DatabaseChanges.connect("tribune-live"); Statement statement = listening.createStatement()) {
                connection = listening;
                statement.execute("LISTEN " + CHANNEL);
                try (ResultSet last = statement.executeQuery(
                        "select case when is_called then last_value else 0 end from live_event_seq")) {
                    last.next();
                    hub.listening(last.getLong(1), connectedBefore);
                }
                connectedBefore = true;
                if (warned) {
                    LOG.info("Live streams receive database changes again");
                    warned = false;
                }
                receive(listening.unwrap(PGConnection.class), statement);
            } catch (SQLException | RuntimeException e) {
                if (running && !warned) {
                    LOG.warnf("Live streams not receiving database changes (%s); retrying", DatabaseFailures.rootMessage(e));
                    warned = true;
                }
            } finally {
                connection = null;
            }
            if (running) {
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void receive(PGConnection listening, Statement statement) throws SQLException {
        long checked = System.nanoTime();
        while (running) {
            PGNotification[] notices = listening.getNotifications(POLL_MILLIS);
            if (notices != null && notices.length > 0) {
                List<String> payloads = new ArrayList<>(notices.length);
                for (PGNotification notice : notices) {
                    payloads.add(notice.getParameter());
                }
                hub.received(payloads);
            }
            if (System.nanoTime() - checked > CHECK_EVERY_NANOS) {
                statement.execute("select 1");
                checked = System.nanoTime();
            }
        }
    }
}
