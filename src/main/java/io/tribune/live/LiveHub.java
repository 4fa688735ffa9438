package io.tribune.live;

import java.nio.charset.StandardCharsets;
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
 * event loop. Event ids come from the database (the notice's {@code live_event_seq} number, the same on every
 * instance; a {@code votes} event takes the number of the last vote notice it covers), so a client may resume on any
 * instance; one that resumes from further back than what the instance holds for the article gets {@code reload}.
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
        /** Every event for this article with an id above this one is in the buffer. */
        long coveredAfter;
        volatile long idleSinceNanos;
    }

    private final LiveSettings settings;
    private final LiveReads reads;
    private final Map<Long, Watched> watched = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    private final Map<String, Integer> perAddress = new ConcurrentHashMap<>();
    /** Comments whose vote counts changed, waiting for the end of the vote window, with their last notice's id. */
    private final Map<Long, Long> pendingVotes = new LinkedHashMap<>();
    private final ScheduledExecutorService hub;
    /** The last event id of each article announced since listening started (watched or not). */
    private final Map<Long, Long> lastIdByArticle = new HashMap<>();
    /** The database's last event id when listening (re)started: what came before is not known here. */
    private long listeningFrom = Long.MAX_VALUE;

    LiveHub(LiveSettings settings, LiveReads reads) {
        this.settings = settings;
        this.reads = reads;
        // here, not at start: the listener may hand over its first notices before this bean's start observer runs
        this.hub = settings.enabled() ? Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "tribune-live");
            thread.setDaemon(true);
            return thread;
        }) : null;
    }

    void start(@Observes StartupEvent event) {
        if (hub == null) {
            return;
        }
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
        boolean[] taken = { false };
        perAddress.compute(address, (a, count) -> {
            int now = count == null ? 0 : count;
            taken[0] = now < settings.maxPerIp();
            return taken[0] ? Integer.valueOf(now + 1) : count;
        });
        if (!taken[0]) {
            open.decrementAndGet();
        }
        return taken[0];
    }

    public void release(String address) {
        open.decrementAndGet();
        perAddress.computeIfPresent(address, (a, count) -> count <= 1 ? null : count - 1);
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
                // nothing for this article since then, or since its last event (which the client may have seen)
                fresh.coveredAfter = lastIdByArticle.getOrDefault(id, listeningFrom);
                fresh.idleSinceNanos = System.nanoTime();
                return fresh;
            });
            Buffer start = Buffer.buffer("retry: 3000\n\n");
            if (lastEventId != null && !lastEventId.isBlank()) {
                long after = resumePoint(lastEventId.trim());
                if (after < article.coveredAfter) {
                    start.appendBuffer(frame(null, "reload", new JsonObject().put("reason", "missed")));
                } else {
                    missedSince(article, after).forEach(e -> start.appendBuffer(e.bytes()));
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

    /** Notices {@code <event id>:<article id>:<comment id>:<kind>} from the database, in the order they were committed. */
    public void received(List<String> notices) {
        if (hub != null) {
            hub.execute(() -> publish(notices));
        }
    }

    /**
     * Listening (again) from the database's event id {@code from}. After a lost connection notices may have been
     * missed: every client is told to reload.
     */
    public void listening(long from, boolean again) {
        if (hub == null) {
            return;
        }
        hub.execute(() -> {
            listeningFrom = from;
            lastIdByArticle.clear();
            if (again) {
                Buffer reload = frame(null, "reload", new JsonObject().put("reason", "missed"));
                watched.values().forEach(article -> {
                    article.buffer.clear();
                    article.coveredAfter = from;
                    send(article, reload);
                });
            }
        });
    }

    private void publish(List<String> notices) {
        List<long[]> changes = new ArrayList<>(); // event id, article, comment, kind index
        Set<Long> toRender = new LinkedHashSet<>();
        boolean votes = false;
        for (String notice : notices) {
            String[] parts = notice.split(":");
            if (parts.length != 4) {
                continue;
            }
            long eventId;
            long articleId;
            long commentId;
            try {
                eventId = Long.parseLong(parts[0]);
                articleId = Long.parseLong(parts[1]);
                commentId = Long.parseLong(parts[2]);
            } catch (NumberFormatException e) {
                continue;
            }
            lastIdByArticle.merge(articleId, eventId, Math::max);
            if (!watched.containsKey(articleId)) {
                continue;
            }
            if (parts[3].equals("votes")) {
                votes |= pendingVotes.isEmpty();
                pendingVotes.merge(commentId, eventId, Math::max);
                continue;
            }
            int kind = switch (parts[3]) {
                case "comment" -> 0;
                case "edited" -> 1;
                case "removed" -> 2;
                default -> -1;
            };
            if (kind >= 0) {
                changes.add(new long[] { eventId, articleId, commentId, kind });
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
            changes.forEach(change -> reloadArticle(change[1]));
            return;
        }
        for (long[] change : changes) {
            LiveReads.Rendered comment = rendered.get(change[2]);
            if (comment == null || comment.articleId() != change[1]) {
                continue;
            }
            // the comment's state now decides: a comment removed again before this batch is not shown
            if (change[3] == 0 && comment.visible()) {
                event(change[0], change[1], "comment", new JsonObject().put("id", comment.id())
                        .put("parent", comment.parent()).put("html", comment.html()));
            } else if (change[3] == 1 && comment.visible()) {
                event(change[0], change[1], "edited", new JsonObject().put("id", comment.id()).put("html", comment.html()));
            } else if (change[3] == 2 && !comment.visible()) {
                event(change[0], change[1], "removed", new JsonObject().put("id", comment.id()).put("html", comment.html()));
            }
        }
    }

    private void flushVotes() {
        Map<Long, Long> eventIds = new HashMap<>(pendingVotes);
        pendingVotes.clear();
        try {
            for (LiveReads.Votes votes : reads.votes(eventIds.keySet())) {
                if (watched.containsKey(votes.articleId())) {
                    event(eventIds.get(votes.id()), votes.articleId(), "votes",
                            new JsonObject().put("id", votes.id()).put("up", votes.up()));
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf("Live vote counts not sent (%s)", DatabaseFailures.rootMessage(e));
        }
    }

    private void event(long id, long articleId, String name, JsonObject data) {
        Watched article = watched.get(articleId);
        if (article == null) {
            return;
        }
        Buffer bytes = frame(Long.toString(id), name, data);
        article.buffer.addLast(new Event(id, bytes));
        while (article.buffer.size() > settings.buffer()) {
            article.coveredAfter = Math.max(article.coveredAfter, article.buffer.removeFirst().sequence());
        }
        send(article, bytes);
    }

    /**
     * The buffered events a client that last saw {@code after} has not: those that arrived after it here, and any
     * with a higher id (transactions commit, and so announce, not quite in the order they took their ids). Sending
     * one twice does no harm: each event says what a comment is now.
     */
    private static List<Event> missedSince(Watched article, long after) {
        List<Event> missed = new ArrayList<>();
        boolean past = false;
        for (Event e : article.buffer) {
            if (past || e.sequence() > after) {
                missed.add(e);
            }
            past |= e.sequence() == after;
        }
        return missed;
    }

    private void reloadArticle(long articleId) {
        Watched article = watched.get(articleId);
        if (article != null) {
            article.buffer.clear();
            article.coveredAfter = lastIdByArticle.getOrDefault(articleId, listeningFrom);
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

    /** The event id after which a client resumes; -1 (reload) for one that is not ours. */
    private static long resumePoint(String lastEventId) {
        try {
            return Long.parseLong(lastEventId);
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
