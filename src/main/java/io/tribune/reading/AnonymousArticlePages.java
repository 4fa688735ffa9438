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
import java.util.Optional;
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
 * change, read in one small query: the thread version (bumped by every comment, edit, vote and moderation decision
 * in its own transaction), the article's update time (moved by every editorial save), whether comments are open,
 * the byline and the section list. A page is only served for the stamp it was rendered from, and outdated entries
 * simply age out of the bounded cache.
 * <p>
 * Stamps are kept in memory too, each until PostgreSQL announces a change to its article, a section or an author
 * ({@link DatabaseChanges}): then a cached page costs no database work at all and can be answered from the event
 * loop ({@link CachedArticleRoute}). While this instance is not listening to those notices, every request reads the
 * stamp from the database again, so no instance serves a page older than the last committed change it was told of.
 */
@ApplicationScoped
public class AnonymousArticlePages implements DatabaseChanges.Listener {

    /** What an anonymous article page shows that can change after it was rendered. */
    public record Stamp(long articleId, long threadVersion, Instant updatedAt, boolean commentsOpen,
            boolean commentsKeepOpen, Instant publishedAt, String byline, String sections) {
    }

    record Key(Stamp stamp, boolean open, CommentSort sort, int page) {
    }

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
            select a.id, a.thread_version, a.updated_at, a.comments_open, a.comments_keep_open, a.published_at,
                   au.slug || '/' || au.name,
                   (select string_agg(s.slug || '/' || s.name, '|' order by s.position, s.id) from section s)
              from article a join author au on au.id = a.author_id
             where a.slug = ? and a.status = 'PUBLISHED' and a.published_at <= now()""";

    /** Stamps are a few hundred bytes: this bounds them to a few megabytes. */
    private static final int MAX_STAMPS = 20_000;
    private static final String ARTICLE_NOTICE = "article:";

    private final DataSource dataSource;
    private final Cache<Key, Page> cache;
    private final KeptUntilChanged<String, Stamp> stamps;

    AnonymousArticlePages(DataSource dataSource, DatabaseChanges changes, TribuneConfig config) {
        this.dataSource = dataSource;
        boolean enabled = config.pageCache().maxMegabytes() > 0;
        this.cache = !enabled ? null
                : Caffeine.newBuilder()
                        .maximumWeight(config.pageCache().maxMegabytes() * 1024L * 1024L)
                        .weigher((Key key, Page page) -> page.bytes() + 256)
                        .expireAfterAccess(config.pageCache().expireAfterAccess())
                        .build();
        this.stamps = !enabled ? null
                : new KeptUntilChanged<>(changes, Caffeine.newBuilder()
                        .maximumSize(MAX_STAMPS)
                        .expireAfterAccess(config.pageCache().expireAfterAccess())
                        .<String, Stamp>build());
        changes.subscribe(this);
    }

    /** The stamp of a published article, or empty when there is none under that slug. */
    public Optional<Stamp> stamp(String slug) {
        return stamps == null ? read(slug) : Optional.ofNullable(stamps.get(slug, s -> read(s).orElse(null)));
    }

    /**
     * The stamp as the database has it now, never the one kept in memory: for logged-in readers, who must see their
     * own change on their very next page, before this instance is told of it.
     */
    public Optional<Stamp> currentStamp(String slug) {
        return read(slug);
    }

    /**
     * The page already rendered for this article's current stamp, without touching the database (for the event
     * loop), or empty when it has to be read and rendered. {@code open} says whether comments are open now.
     */
    public Optional<Page> cached(String slug, Predicate<Stamp> open, CommentSort sort, int page) {
        Stamp stamp = stamps == null ? null : stamps.getIfPresent(slug);
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
                return Optional.of(new Stamp(row.getLong(1), row.getLong(2), SqlValues.instant(row.getTimestamp(3)),
                        row.getBoolean(4), row.getBoolean(5), SqlValues.instant(row.getTimestamp(6)), row.getString(7),
                        row.getString(8)));
            }
        } catch (SQLException e) {
            throw new PersistenceException("Could not read the article's stamp", e);
        }
    }

    public Page get(Stamp stamp, boolean open, CommentSort sort, int page, Supplier<Page> render) {
        if (cache == null) {
            return render.get();
        }
        return cache.get(new Key(stamp, open, sort, page), key -> render.get());
    }
}
