package io.tribune.reading;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;

import javax.sql.DataSource;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.netty.buffer.Unpooled;
import io.tribune.comment.CommentSort;
import io.tribune.config.TribuneConfig;
import io.tribune.web.DatabaseChanges;
import io.tribune.web.HttpCaching;
import io.tribune.web.KeptUntilChanged;
import io.tribune.web.SqlValues;
import io.vertx.core.buffer.Buffer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;

/**
 * Whole article pages, as UTF-8 bytes, for readers without an account, so a busy article is read and rendered once
 * rather than on every request. A page is keyed by its article's {@link Stamp} — everything on the page that can
 * change, read in one small query: the thread version (bumped by every comment, edit and moderation decision in its
 * own transaction), the vote version (bumped by every up-vote), the article's update time (moved by every editorial
 * save), whether comments are open, the byline and the section list. A page is only served for the stamp it was
 * rendered from (or, for at most a second, while its next version is rendered), and outdated entries simply age out
 * of the bounded cache. A vote does not render the page again: the rendering is kept per stamp without its vote
 * version ({@link Stamp#layout}) with its counts as markers, and filled in from the counts of the new vote version
 * ({@link VoteCounts}, one statement).
 * <p>
 * Stamps are kept in memory too, each until PostgreSQL announces a change to its article, a section or an author
 * ({@link DatabaseChanges}): then a cached page costs no database work at all and can be answered from the event
 * loop ({@link CachedArticleRoute}). While this instance is not listening to those notices, every request reads the
 * stamp from the database again, so no instance serves a page older than the last committed change it was told of.
 */
@ApplicationScoped
public class AnonymousArticlePages implements DatabaseChanges.Listener {

    /** What an anonymous article page shows that can change after it was rendered. */
    public record Stamp(long articleId, long threadVersion, long voteVersion, Instant updatedAt, boolean commentsOpen,
            boolean commentsKeepOpen, Instant publishedAt, String byline, String sections) {

        /**
         * What a rendering of the page in this order depends on: all of the stamp but the vote version, unless the
         * threads are ordered by their votes (then a vote may move them).
         */
        public Stamp layout(CommentSort sort) {
            return sort == CommentSort.TOP || voteVersion == 0 ? this
                    : new Stamp(articleId, threadVersion, 0, updatedAt, commentsOpen, commentsKeepOpen, publishedAt,
                            byline, sections);
        }
    }

    /**
     * A page as rendered: its HTML with the vote counts left as markers ({@link CountedHtml}), the counts it read,
     * and whether its page of threads was empty.
     */
    public record Rendered(String html, Map<Long, Integer> counts, boolean empty) {
    }

    /** A rendering, cut at its vote counts: kept for its layout stamp, filled in for each vote version. */
    private record Layout(CountedHtml html, boolean empty) {
    }

    /** Where a page of an article is shown, whatever its stamp. */
    private record Slot(CommentSort sort, int page) {
    }

    /**
     * The key of the last page rendered for a slot (the page itself stays in the bounded page cache: when it has
     * been dropped there, there is no previous version to serve), and since when a request is rendering its next
     * version (0: none).
     */
    private final class Latest {
        private static final AtomicLongFieldUpdater<Latest> REFRESHING =
                AtomicLongFieldUpdater.newUpdater(Latest.class, "refreshingSince");
        volatile Key key;
        volatile long refreshingSince;

        /**
         * The previous page while another request renders the next one (for at most {@link #STALE_NANOS}); null
         * when this request should go and render it.
         */
        Page whileRefreshing(long now) {
            Key last = key;
            Page previous = last == null ? null : cache.getIfPresent(last);
            if (previous == null) {
                return null;
            }
            long since = refreshingSince;
            if (since != 0 && now - since < STALE_NANOS) {
                return previous;
            }
            return REFRESHING.compareAndSet(this, since, now) ? null : previous;
        }
    }

    record Key(Stamp stamp, boolean open, CommentSort sort, int page) {
    }

    /** How long the previous version of a page may be served while one request renders the current one. */
    static final long STALE_NANOS = TimeUnit.SECONDS.toNanos(1);

    /**
     * A rendered page, and whether its page of threads was empty (a later page past the end is "not found"). The
     * HTML is kept encoded as UTF-8 and, for the browsers that accept it (nearly all), gzipped once rather than on
     * every response; both outside the heap, so that the network layer sends them without copying them first.
     */
    public record Page(Buffer html, Buffer gzipped, boolean empty, String etag) {

        public static Page of(String html, boolean empty) {
            byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
            return new Page(direct(bytes), direct(gzip(bytes)), empty, HttpCaching.etag(bytes));
        }

        int bytes() {
            return html.length() + gzipped.length();
        }

        private static Buffer direct(byte[] bytes) {
            // a JDK direct buffer is freed by the garbage collector once the cache has dropped it
            ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
            return Buffer.buffer(Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(direct)));
        }

        private static byte[] gzip(byte[] bytes) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4);
            try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
                gzip.write(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e); // in memory: does not happen
            }
            return out.toByteArray();
        }
    }

    private static final String STAMP = """
            select a.id, a.thread_version, a.vote_version, a.updated_at, a.comments_open, a.comments_keep_open, a.published_at,
                   au.slug || '/' || au.name,
                   (select string_agg(s.slug || '/' || s.name, '|' order by s.position, s.id) from section s)
              from article a join author au on au.id = a.author_id
             where a.slug = ? and a.status = 'PUBLISHED' and a.published_at <= now()""";

    /** Stamps are a few hundred bytes: this bounds them to a few megabytes. */
    private static final int MAX_STAMPS = 20_000;
    private static final String ARTICLE_NOTICE = "article:";

    private final DataSource dataSource;
    private final DatabaseChanges changes;
    private final VoteCounts votes;
    private final Cache<Key, Page> cache;
    private final Cache<Key, Layout> layouts;
    /** Per article slug, its pages' last versions: only pages that exist (page 1, or not empty). */
    private final Cache<String, Map<Slot, Latest>> latest;
    private final KeptUntilChanged<String, Stamp> stamps;

    AnonymousArticlePages(DataSource dataSource, DatabaseChanges changes, VoteCounts votes, TribuneConfig config) {
        this.dataSource = dataSource;
        this.changes = changes;
        this.votes = votes;
        boolean enabled = config.pageCache().maxMegabytes() > 0;
        this.cache = !enabled ? null
                : Caffeine.newBuilder()
                        .maximumWeight(config.pageCache().maxMegabytes() * 1024L * 1024L)
                        .weigher((Key key, Page page) -> page.bytes() + 256)
                        .expireAfterAccess(config.pageCache().expireAfterAccess())
                        .build();
        // a quarter more: the renderings behind the pages, which outlive any number of votes
        this.layouts = !enabled ? null
                : Caffeine.newBuilder()
                        .maximumWeight(config.pageCache().maxMegabytes() * 1024L * 1024L / 4)
                        .weigher((Key key, Layout layout) -> layout.html().length() + 256)
                        .expireAfterAccess(config.pageCache().expireAfterAccess())
                        .build();
        this.latest = !enabled ? null
                : Caffeine.newBuilder().maximumSize(MAX_STAMPS)
                        .expireAfterAccess(config.pageCache().expireAfterAccess()).<String, Map<Slot, Latest>>build();
        this.stamps = !enabled ? null
                : new KeptUntilChanged<>(changes, Caffeine.newBuilder()
                        .maximumSize(MAX_STAMPS)
                        .expireAfterAccess(config.pageCache().expireAfterAccess())
                        .<String, Stamp>build());
        changes.subscribe(this);
    }

    /** The stamp of a published article, or empty when there is none under that slug. */
    public Optional<Stamp> stamp(String slug) {
        if (stamps == null) {
            return read(slug);
        }
        Optional<Stamp> stamp = Optional.ofNullable(stamps.get(slug, s -> read(s).orElse(null)));
        if (stamp.isEmpty()) { // unpublished or renamed: no previous version of its pages is served any more
            latest.invalidate(slug);
        }
        return stamp;
    }

    /** The stamp kept in memory (as exact as the change notices), or empty: never reads (for the event loop). */
    public Optional<Stamp> keptStamp(String slug) {
        return stamps == null || !changes.isLive() ? Optional.empty() : Optional.ofNullable(stamps.getIfPresent(slug));
    }

    /**
     * The stamp as the database has it now, never the one kept in memory: for logged-in readers, who must see their
     * own change on their very next page, before this instance is told of it. Kept as the current stamp from then on.
     */
    public Optional<Stamp> currentStamp(String slug) {
        return stamps == null ? read(slug) : Optional.ofNullable(stamps.refresh(slug, s -> read(s).orElse(null)));
    }

    /**
     * The page already rendered for this article's current stamp, without touching the database (for the event
     * loop), or empty when it has to be read and rendered. {@code open} says whether comments are open now.
     * <p>
     * While one request renders the page's next version (after a comment or a vote), the others get the previous
     * version, for at most {@link #STALE_NANOS}: a page under discussion is rendered once at a time, not by every
     * request that arrives meanwhile. Readers without an account wrote nothing, so they miss no change of their own.
     */
    public Optional<Page> cached(String slug, Predicate<Stamp> open, CommentSort sort, int page) {
        if (stamps == null || !changes.isLive()) {
            return Optional.empty();
        }
        Optional<Page> current = current(slug, open, sort, page);
        if (current.isPresent()) {
            return current;
        }
        Map<Slot, Latest> slots = latest.getIfPresent(slug);
        Latest previous = slots == null ? null : slots.get(new Slot(sort, page));
        return previous == null ? Optional.empty() : Optional.ofNullable(previous.whileRefreshing(System.nanoTime()));
    }

    /** The page rendered for the article's current stamp, if kept: never the previous version. */
    Optional<Page> current(String slug, Predicate<Stamp> open, CommentSort sort, int page) {
        Stamp stamp = stamps == null || !changes.isLive() ? null : stamps.getIfPresent(slug);
        return stamp == null ? Optional.empty()
                : Optional.ofNullable(cache.getIfPresent(new Key(stamp, open.test(stamp), sort, page)));
    }

    @Override
    public void changed(String notice) {
        if (stamps == null) {
            return;
        }
        if (notice.startsWith(ARTICLE_NOTICE)) {
            stamps.forget(notice.substring(ARTICLE_NOTICE.length()));
        } else if (notice.equals("pages")) {
            stamps.forgetAll();
        }
    }

    @Override
    public void forgetAll() {
        if (stamps != null) {
            stamps.forgetAll();
            latest.invalidateAll();
        }
    }

    /**
     * Plain JDBC on purpose: this runs whenever a stamp is not in memory and needs neither entities nor a
     * persistence context.
     */
    private Optional<Stamp> read(String slug) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(STAMP)) {
            statement.setString(1, slug);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Stamp(row.getLong(1), row.getLong(2), row.getLong(3),
                        SqlValues.instant(row.getTimestamp(4)), row.getBoolean(5), row.getBoolean(6),
                        SqlValues.instant(row.getTimestamp(7)), row.getString(8), row.getString(9)));
            }
        } catch (SQLException e) {
            throw new PersistenceException("Could not read the article's stamp", e);
        }
    }

    /**
     * The page for this stamp: kept, or put together from the kept rendering of its layout and the counts of its
     * vote version, or rendered by {@code render} (the HTML with vote-count markers). One request at a time renders
     * a given page; the others wait for it (or, on the event loop, get the previous version).
     */
    public Page get(String slug, Stamp stamp, boolean open, CommentSort sort, int page, Supplier<Rendered> render) {
        if (cache == null) {
            Rendered rendered = render.get();
            return Page.of(CountedHtml.cut(rendered.html()).fill(rendered.counts()), rendered.empty());
        }
        Map<Slot, Latest> slots = latest.get(slug, s -> new ConcurrentHashMap<>());
        Latest slot = slots.get(new Slot(sort, page));
        if (slot != null) {
            Latest.REFRESHING.compareAndSet(slot, 0, System.nanoTime());
        }
        try {
            Key key = new Key(stamp, open, sort, page);
            Page current = cache.get(key, k -> assemble(k, render));
            if (page == 1 || !current.empty()) { // no slot for the pages past the end of the threads
                (slot != null ? slot : slots.computeIfAbsent(new Slot(sort, page), s -> new Latest())).key = key;
            }
            return current;
        } finally {
            if (slot != null) {
                slot.refreshingSince = 0;
            }
        }
    }

    private Page assemble(Key key, Supplier<Rendered> render) {
        Key layoutKey = new Key(key.stamp().layout(key.sort()), key.open(), key.sort(), key.page());
        long voteVersion = key.stamp().voteVersion();
        Layout layout = layouts.get(layoutKey, k -> {
            Rendered rendered = render.get();
            votes.rendered(k, voteVersion, rendered.counts());
            return new Layout(CountedHtml.cut(rendered.html()), rendered.empty());
        });
        Map<Long, Integer> counts = votes.get(layoutKey, voteVersion, layout.html().ids());
        return Page.of(layout.html().fill(counts), layout.empty());
    }
}
