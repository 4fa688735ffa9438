package io.tribune.reading;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.tribune.config.TribuneConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;

/**
 * The vote counts of a kept page's comments, per vote version of its article (issue 16.2). An up-vote moves only
 * the article's vote version: the kept rendering stays, and its counts are read again here, once per page and vote
 * version in one indexed statement, shared by every reader (anonymous pages, the logged-in shared page).
 * <p>
 * Counts are only ever newer than the version they are kept under (they are read after the stamp that names it),
 * so a reader whose stamp names their own vote always sees it counted.
 */
@ApplicationScoped
class VoteCounts {

    private record Key(Object page, long voteVersion) {
    }

    private static final String QUERY = "select id, vote_count from comment where id = any(?)";

    private final DataSource dataSource;
    private final Cache<Key, Map<Long, Integer>> kept;

    VoteCounts(DataSource dataSource, TribuneConfig config) {
        this.dataSource = dataSource;
        this.kept = config.pageCache().maxMegabytes() <= 0 ? null
                : Caffeine.newBuilder().maximumSize(4_000).expireAfterAccess(config.pageCache().expireAfterAccess())
                        .build();
    }

    /**
     * The counts a page's rendering showed, read after the stamp of {@code voteVersion}: kept for that version, so
     * the first request of a version costs no extra statement.
     */
    void rendered(Object page, long voteVersion, Map<Long, Integer> counts) {
        if (kept != null) {
            kept.asMap().putIfAbsent(new Key(page, voteVersion), Map.copyOf(counts));
        }
    }

    /** The counts kept for this page and vote version, or null: never reads (for the event loop). */
    Map<Long, Integer> getIfPresent(Object page, long voteVersion) {
        return kept == null ? null : kept.getIfPresent(new Key(page, voteVersion));
    }

    /** The counts of these comments, at {@code voteVersion} of their article or later. */
    Map<Long, Integer> get(Object page, long voteVersion, Collection<Long> ids) {
        if (kept == null) {
            return read(ids);
        }
        return kept.get(new Key(page, voteVersion), key -> read(ids));
    }

    /**
     * Plain JDBC, through the same datasource as the stamp: a replica only when it has replayed everything this
     * instance was told of and the reader wrote nothing lately (io.tribune.replica), so the counts are at least as
     * new as the stamp that names their version.
     */
    private Map<Long, Integer> read(Collection<Long> ids) {
        Map<Long, Integer> counts = new HashMap<>(ids.size() * 2);
        if (ids.isEmpty()) {
            return counts;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(QUERY)) {
            Array array = connection.createArrayOf("bigint", ids.toArray());
            statement.setArray(1, array);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    counts.put(row.getLong(1), row.getInt(2));
                }
            }
            return Map.copyOf(counts);
        } catch (SQLException e) {
            throw new PersistenceException("Could not read the page's vote counts", e);
        }
    }
}
