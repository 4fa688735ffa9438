package io.tribune.live;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.tribune.web.DatabaseFailures;
import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * This instance's live streams. Everything that decides what a stream receives (notices, vote coalescing, resumes,
 * event ids, the per-article buffers) runs on one thread of its own, so events keep their order and each is read
 * and rendered once per instance, not once per connection; the bytes are then written on each connection's own
 * event loop. Event ids are {@code <instance epoch>-<sequence>}: a client that resumes on another instance, after a
 * restart, or from further back than an article's buffer gets a {@code reload} event instead.
 */
@ApplicationScoped
public class LiveHub {

    private static final Logger LOG = Logger.getLogger(LiveHub.class);
    private static final Buffer HEARTBEAT = Buffer.buffer(":\n\n");

    /** One open stream. */
    public static final class Stream {
        final long articleId;
        final String address;
        final HttpServerResponse response;
        final Context context;
        volatile boolean closed;

        public Stream(long articleId, String address, HttpServerResponse response, Context context) {
            this.articleId = articleId;
            this.address = address;
            this.response = response;
            this.context = context;
        }

        /** On the stream's event loop. A client that does not keep up is cut off; it resumes from its last id. */
        void write(Buffer bytes) {
            if (closed || response.closed()) {
                return;
            }
            if (response.writeQueueFull()) {
                closed = true;
                response.close();
                return;
            }
            response.write(bytes);
        }
    }

    private record Event(long sequence, Buffer bytes) {
    }

    /** An article someone streams or streamed lately. Touched only on the hub thread, except {@link #streams}. */
    private static final class Watched {
        final Set<Stream> streams = ConcurrentHashMap.newKeySet();
        final ArrayDeque<Event> buffer = new ArrayDeque<>();
        /** Every event for this article with a sequence above this one is in the buffer. */
        long coveredAfter;
        volatile long idleSinceNanos;
    }

    private final LiveSettings settings;
    private final LiveReads reads;
    private final String epoch;
    private final Map<Long, Watched> watched = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    private final Map<String, AtomicInteger> perAddress = new ConcurrentHashMap<>();
    /** Comments whose vote counts changed, waiting for the end of the vote window. */
    private final Set<Long> pendingVotes = new LinkedHashSet<>();
    private ScheduledExecutorService hub;
    private long sequence;

    LiveHub(LiveSettings settings, LiveReads reads) {
        this.settings = settings;
        this.reads = reads;
        this.epoch = Long.toString(new SecureRandom().nextLong() >>> 24, 36);
    }

    void start(@Observes StartupEvent event) {
        if (!settings.enabled()) {
            return;
        }
        hub = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "tribune-live");
            thread.setDaemon(true);
            return thread;
        });
        long beat = settings.heartbeat().toMillis();
        hub.scheduleAtFixedRate(this::heartbeat, beat, beat, TimeUnit.MILLISECONDS);
        hub.scheduleAtFixedRate(this::forgetIdle, 1, 1, TimeUnit.MINUTES);
    }

    void stop(@Observes ShutdownEvent event) {
        if (hub != null) {
            hub.shutdownNow();
        }
    }

    /** Takes a place for a new stream from {@code address}, unless a limit is reached. */
    public boolean reserve(String address) {
        if (open.incrementAndGet() > settings.maxConnections()) {
            open.decrementAndGet();
            return false;
        }
        AtomicInteger mine = perAddress.computeIfAbsent(address, a -> new AtomicInteger());
        if (mine.incrementAndGet() > settings.maxPerIp()) {
            release(address);
            return false;
        }
        return true;
    }

    public void release(String address) {
        open.decrementAndGet();
        perAddress.computeIfPresent(address, (a, count) -> count.decrementAndGet() <= 0 ? null : count);
    }

    /** Streams open on this instance now. */
    public int openStreams() {
        return open.get();
    }

    /**
     * Starts a stream (whose place was reserved): first what it missed since {@code lastEventId} (or {@code reload}
     * if that is not known here), then every new event.
     */
    public void open(Stream stream, String lastEventId) {
        hub.execute(() -> {
            Watched article = watched.computeIfAbsent(stream.articleId, id -> {
                Watched fresh = new Watched();
                fresh.coveredAfter = sequence;
                return fresh;
            });
            Buffer start = Buffer.buffer("retry: 3000\n\n");
            if (lastEventId != null && !lastEventId.isBlank()) {
                long after = resumePoint(lastEventId.trim());
                if (after < article.coveredAfter || after > sequence) {
                    start.appendBuffer(frame(null, "reload", new JsonObject().put("reason", "missed")));
                } else {
                    article.buffer.stream().filter(e -> e.sequence() > after).forEach(e -> start.appendBuffer(e.bytes()));
                }
            }
            article.streams.add(stream);
            if (stream.closed) { // ended before it started
                close(stream);
                return;
            }
            stream.context.runOnContext(v -> stream.write(start));
        });
    }

    /** The stream has ended (called on its event loop). */
    public void close(Stream stream) {
        stream.closed = true;
        Watched article = watched.get(stream.articleId);
        if (article != null && article.streams.remove(stream) && article.streams.isEmpty()) {
            article.idleSinceNanos = System.nanoTime();
        }
    }

    /** Notices {@code <article id>:<comment id>:<kind>} from the database, in the order they were committed. */
    public void received(List<String> notices) {
        if (hub != null) {
            hub.execute(() -> publish(notices));
        }
    }

    /** Notices may have been missed (the listening connection was lost): every client must reload. */
    public void missed() {
        if (hub == null) {
            return;
        }
        hub.execute(() -> {
            Buffer reload = frame(null, "reload", new JsonObject().put("reason", "missed"));
            watched.values().forEach(article -> {
                article.buffer.clear();
                article.coveredAfter = sequence;
                send(article, reload);
            });
        });
    }

    private void publish(List<String> notices) {
        List<long[]> changes = new ArrayList<>(); // article, comment, kind index
        Set<Long> toRender = new LinkedHashSet<>();
        boolean votes = false;
        for (String notice : notices) {
            String[] parts = notice.split(":");
            if (parts.length != 3) {
                continue;
            }
            long articleId;
            long commentId;
            try {
                articleId = Long.parseLong(parts[0]);
                commentId = Long.parseLong(parts[1]);
            } catch (NumberFormatException e) {
                continue;
            }
            if (!watched.containsKey(articleId)) {
                continue;
            }
            if (parts[2].equals("votes")) {
                votes |= pendingVotes.isEmpty();
                pendingVotes.add(commentId);
                continue;
            }
            int kind = switch (parts[2]) {
                case "comment" -> 0;
                case "edited" -> 1;
                case "removed" -> 2;
                default -> -1;
            };
            if (kind >= 0) {
                changes.add(new long[] { articleId, commentId, kind });
                toRender.add(commentId);
            }
        }
        if (votes) {
            hub.schedule(this::flushVotes, settings.voteWindow().toMillis(), TimeUnit.MILLISECONDS);
        }
        if (toRender.isEmpty()) {
            return;
        }
        Map<Long, LiveReads.Rendered> rendered;
        try {
            rendered = reads.render(toRender);
        } catch (RuntimeException e) {
            LOG.warnf("Live events not sent (%s): streams of the articles concerned are told to reload",
                    DatabaseFailures.rootMessage(e));
            changes.forEach(change -> reloadArticle(change[0]));
            return;
        }
        for (long[] change : changes) {
            LiveReads.Rendered comment = rendered.get(change[1]);
            if (comment == null || comment.articleId() != change[0]) {
                continue;
            }
            // the comment's state now decides: a comment removed again before this batch is not shown
            if (change[2] == 0 && comment.visible()) {
                event(change[0], "comment", new JsonObject().put("id", comment.id()).put("parent", comment.parent())
                        .put("html", comment.html()));
            } else if (change[2] == 1 && comment.visible()) {
                event(change[0], "edited", new JsonObject().put("id", comment.id()).put("html", comment.html()));
            } else if (change[2] == 2 && !comment.visible()) {
                event(change[0], "removed", new JsonObject().put("id", comment.id()).put("html", comment.html()));
            }
        }
    }

    private void flushVotes() {
        List<Long> ids = new ArrayList<>(pendingVotes);
        pendingVotes.clear();
        try {
            for (LiveReads.Votes votes : reads.votes(ids)) {
                if (watched.containsKey(votes.articleId())) {
                    event(votes.articleId(), "votes", new JsonObject().put("id", votes.id()).put("up", votes.up()));
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf("Live vote counts not sent (%s)", DatabaseFailures.rootMessage(e));
        }
    }

    private void event(long articleId, String name, JsonObject data) {
        Watched article = watched.get(articleId);
        if (article == null) {
            return;
        }
        long id = ++sequence;
        Buffer bytes = frame(epoch + "-" + id, name, data);
        article.buffer.addLast(new Event(id, bytes));
        while (article.buffer.size() > settings.buffer()) {
            article.coveredAfter = article.buffer.removeFirst().sequence();
        }
        send(article, bytes);
    }

    private void reloadArticle(long articleId) {
        Watched article = watched.get(articleId);
        if (article != null) {
            article.buffer.clear();
            article.coveredAfter = sequence;
            send(article, frame(null, "reload", new JsonObject().put("reason", "missed")));
        }
    }

    /** Writes the same bytes to every stream of the article, one task per event loop rather than per stream. */
    private static void send(Watched article, Buffer bytes) {
        Map<Context, List<Stream>> byLoop = new HashMap<>();
        for (Stream stream : article.streams) {
            byLoop.computeIfAbsent(stream.context, c -> new ArrayList<>()).add(stream);
        }
        byLoop.forEach((context, streams) -> context.runOnContext(v -> streams.forEach(s -> s.write(bytes))));
    }

    private void heartbeat() {
        watched.values().forEach(article -> send(article, HEARTBEAT));
    }

    private void forgetIdle() {
        long now = System.nanoTime();
        long keep = settings.keepIdle().toNanos();
        watched.entrySet().removeIf(e -> e.getValue().streams.isEmpty() && now - e.getValue().idleSinceNanos > keep);
    }

    /** The sequence after which a client resumes; -1 (reload) for an id from another instance or unreadable. */
    private long resumePoint(String lastEventId) {
        int dash = lastEventId.lastIndexOf('-');
        if (dash <= 0 || !lastEventId.substring(0, dash).equals(epoch)) {
            return -1;
        }
        try {
            return Long.parseLong(lastEventId.substring(dash + 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static Buffer frame(String id, String event, JsonObject data) {
        StringBuilder frame = new StringBuilder();
        if (id != null) {
            frame.append("id: ").append(id).append('\n');
        }
        frame.append("event: ").append(event).append('\n').append("data: ").append(data.encode()).append("\n\n");
        return Buffer.buffer(frame.toString().getBytes(StandardCharsets.UTF_8));
    }
}
