package io.tribune.cdn;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.tribune.web.DatabaseChanges;
import io.tribune.web.DatabaseFailures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Tells a shared cache in front of the site which anonymous pages changed, from PostgreSQL's change notices: a
 * {@code tribune.purge.method} request (PURGE) to {@code tribune.purge.url} with the {@link SurrogateKeys} to drop in
 * the {@code tribune.purge.header} header. Every instance hears every notice, so each sends the purge (a purge is
 * idempotent). When notices may have been missed (the listener lost its connection) everything ({@code pages}) is
 * purged; not at the first connection after a start, or every rolling deploy would empty the shared cache.
 */
@ApplicationScoped
class PurgeHook implements DatabaseChanges.Listener {

    private static final Logger LOG = Logger.getLogger(PurgeHook.class);
    private static final String ARTICLE = "article:";

    private final PurgeSettings settings;
    private final DatabaseChanges changes;
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final AtomicBoolean warned = new AtomicBoolean();
    /** The listener's first connection at start: nothing was missed yet, so no purge of everything. */
    private final AtomicBoolean started = new AtomicBoolean();
    private HttpClient client;
    private ScheduledExecutorService sender;

    PurgeHook(PurgeSettings settings, DatabaseChanges changes) {
        this.settings = settings;
        this.changes = changes;
    }

    void start(@Observes StartupEvent event) {
        if (settings.url().isEmpty()) {
            return;
        }
        client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        sender = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "tribune-purge");
            thread.setDaemon(true);
            return thread;
        });
        changes.subscribe(this);
    }

    void stop(@Observes ShutdownEvent event) {
        if (sender != null) {
            sender.shutdownNow();
        }
    }

    @Override
    public void changed(String notice) {
        String key = notice.startsWith(ARTICLE) ? "article-" + notice.substring(ARTICLE.length())
                : notice.equals("lists") || notice.equals("pages") ? notice : null;
        if (key != null) {
            purge(key);
        }
    }

    @Override
    public void forgetAll() {
        if (started.compareAndSet(false, true)) {
            return;
        }
        purge("pages");
    }

    private void purge(String key) {
        pending.add(key);
        if (scheduled.compareAndSet(false, true)) {
            sender.schedule(this::send, settings.batch().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void send() {
        scheduled.set(false);
        Set<String> keys = new TreeSet<>();
        for (String key : pending) {
            if (pending.remove(key)) {
                keys.add(key);
            }
        }
        if (keys.isEmpty()) {
            return;
        }
        HttpRequest request = HttpRequest.newBuilder(settings.url().get()).timeout(Duration.ofSeconds(5))
                .method(settings.method(), HttpRequest.BodyPublishers.noBody())
                .header(settings.header(), String.join(" ", keys)).build();
        client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
            if (failure != null || response.statusCode() >= 400) {
                String why = failure != null ? DatabaseFailures.rootMessage(failure) : "status " + response.statusCode();
                if (warned.compareAndSet(false, true)) {
                    LOG.warnf("Purge of %s at %s failed (%s); the shared cache keeps those pages until they expire",
                            keys, settings.url().get(), why);
                } else {
                    LOG.debugf("Purge of %s failed (%s)", keys, why);
                }
            } else {
                warned.set(false);
            }
        });
    }
}
