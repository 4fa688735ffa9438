package io.tribune.article;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

import javax.sql.DataSource;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.tribune.comment.CommentSort;
import io.tribune.config.TribuneConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;

/**
 * Whole article pages, as UTF-8 bytes, for readers without an account, so a busy article is read and rendered once
 * rather than on every request. Each request still reads the page's {@link Stamp} — everything on the page that
 * can change — in one small query: the thread version (bumped by every comment, edit, vote and moderation decision
 * in its own transaction), the article's update time (moved by every editorial save), whether comments are open,
 * the byline and the section list. A page is only served for the stamp it was rendered from, so no instance ever
 * serves a stale page, and outdated entries simply age out of the bounded cache.
 */
@ApplicationScoped
public class AnonymousArticlePages {

    /** What an anonymous article page shows that can change after it was rendered. */
    public record Stamp(long articleId, long threadVersion, Instant updatedAt, boolean commentsOpen,
            Instant publishedAt, String byline, String sections) {
    }

    record Key(Stamp stamp, boolean open, CommentSort sort, int page) {
    }

    /** A rendered page, and whether its page of threads was empty (a later page past the end is "not found"). */
    public record Page(byte[] html, boolean empty) {
    }

    private static final String STAMP = """
            select a.id, a.thread_version, a.updated_at, a.comments_open, a.published_at,
                   au.slug || '/' || au.name,
                   (select string_agg(s.slug || '/' || s.name, '|' order by s.position, s.id) from section s)
              from article a join author au on au.id = a.author_id
             where a.slug = ? and a.status = 'PUBLISHED' and a.published_at <= now()""";

    private final DataSource dataSource;
    private final Cache<Key, Page> cache;

    AnonymousArticlePages(DataSource dataSource, TribuneConfig config) {
        this.dataSource = dataSource;
        this.cache = config.pageCache().maxMegabytes() <= 0 ? null
                : Caffeine.newBuilder()
                        .maximumWeight(config.pageCache().maxMegabytes() * 1024L * 1024L)
                        .weigher((Key key, Page page) -> page.html().length + 256)
                        .expireAfterAccess(config.pageCache().expireAfterAccess())
                        .build();
    }

    /**
     * The stamp of a published article, or empty when there is none under that slug. Plain JDBC on purpose: this
     * runs on every anonymous article request and needs neither entities nor a persistence context.
     */
    public Optional<Stamp> stamp(String slug) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(STAMP)) {
            statement.setString(1, slug);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Stamp(row.getLong(1), row.getLong(2), instant(row.getTimestamp(3)),
                        row.getBoolean(4), instant(row.getTimestamp(5)), row.getString(6), row.getString(7)));
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

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
