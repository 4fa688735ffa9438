package io.tribune.web;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import io.tribune.config.TribuneConfig;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * Keeps a database outage short for readers. The first request that loses its connection closes the gate; while
 * it is closed every page and API call answers the friendly 503 at once (no connection wait, no database work,
 * session cookies left alone), and a probe tries a new connection every {@code tribune.database.probe-every}.
 * The first probe that connects opens the gate again. Static files and {@code /q/} (health, metrics) are served
 * as usual; readiness reports the database DOWN by itself.
 *
 * Without the gate every request would wait the whole acquisition timeout for a connection (Agroal retries a refused
 * connect until then), twice for a logged-in reader (session check, then the page). Under load the gate closes at
 * once, on the first query that loses its connection; on an idle site the first request may wait that timeout.
 */
@ApplicationScoped
public class DatabaseGate {

    /** Set on a request whose session could not be checked because the database failed (see SessionMechanism). */
    public static final String UNCHECKED_SESSION = "tribune.session-unchecked";

    private static final Logger LOG = Logger.getLogger(DatabaseGate.class);

    /** When the gate closed (System.nanoTime), or 0 while open. */
    private final AtomicLong closedSince = new AtomicLong();

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TribuneConfig config;

    @Inject
    Site site;

    public boolean isOpen() {
        return closedSince.get() == 0;
    }

    /** Called with any failure a request met; closes the gate when it means the connection to the database was lost. */
    public void failed(Throwable failure) {
        if (DatabaseFailures.connectionLost(failure) && closedSince.compareAndSet(0, Math.max(1, System.nanoTime()))) {
            LOG.warnf("The database cannot be reached (%s): answering 503 until it is back", DatabaseFailures.rootMessage(failure));
            // the pooled connections died with the server: drop them now (busy ones when they come back), so that
            // none of them fails a request once the database has returned
            dataSource.flush(AgroalDataSource.FlushMode.GRACEFUL);
        }
    }

    @Scheduled(every = "${tribune.database.probe-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void probe() {
        long since = closedSince.get();
        if (since == 0) {
            return;
        }
        try {
            // a new connection, not one from the pool (those may all be dead); a refused one fails at once
            if (dataSource.isHealthy(true)) {
                dataSource.flush(AgroalDataSource.FlushMode.INVALID);
                if (closedSince.compareAndSet(since, 0)) {
                    LOG.infof("The database is reachable again after %d ms", (System.nanoTime() - since) / 1_000_000);
                }
            }
        } catch (SQLException | RuntimeException e) {
            LOG.debugf("Database still unreachable: %s", DatabaseFailures.rootMessage(e));
        }
    }

    /** While the gate is closed, every REST request (pages and API) gets the 503 before any work is done. */
    @ServerRequestFilter(preMatching = true)
    public Response refuseWhileClosed(UriInfo uri, HttpHeaders headers, RoutingContext routing) {
        if (isOpen() && routing.get(UNCHECKED_SESSION) == null) {
            return null;
        }
        site.withoutDatabase();
        return ErrorPages.unavailable(uri, headers, config.database().retryAfter());
    }
}
