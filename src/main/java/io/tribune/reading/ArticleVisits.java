package io.tribune.reading;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.jboss.logging.Logger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.tribune.config.TribuneConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * When each logged-in reader last opened each article, for "new since your last visit". A page view costs no
 * statement of its own: the previous visit comes with the reader's state ({@link ReaderStates}), and the new one is
 * kept here and written with everyone else's in one upsert every few seconds
 * ({@code tribune.comments.visit-flush-every}), to the primary. Until then this instance answers from memory, so a
 * reader's next view here already counts from this one. Visits older than {@code tribune.comments.visit-retention-days}
 * are deleted every hour. Nothing is stored for readers without an account.
 */
@ApplicationScoped
public class ArticleVisits {

    private static final Logger LOG = Logger.getLogger(ArticleVisits.class);

    private record Key(long userId, long articleId) {
    }

    private final Map<Key, Instant> pending = new ConcurrentHashMap<>();
    /**
     * The last visit made through this instance, also once written: a reader's state may be kept in memory
     * ({@link KeptReaders}) with the visit it read, which is older than the ones made since.
     */
    private final Cache<Key, Instant> recent = Caffeine.newBuilder()
            .maximumSize(200_000).expireAfterAccess(Duration.ofHours(1)).build();
    private final DataSource dataSource;
    private final TribuneConfig config;

    ArticleVisits(DataSource dataSource, TribuneConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    /** Records a view now; returns the reader's previous visit ({@code stored} unless a newer one is still here). */
    Instant visit(long userId, long articleId, Instant stored) {
        Key key = new Key(userId, articleId);
        Instant now = Instant.now();
        pending.put(key, now);
        Instant previous = recent.asMap().put(key, now);
        return previous != null && (stored == null || previous.isAfter(stored)) ? previous : stored;
    }

    /** Writes the visits kept since the last time, in one statement. */
    @Scheduled(every = "${tribune.comments.visit-flush-every:5S}", delayed = "5S",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void flush() {
        if (pending.isEmpty()) {
            return;
        }
        List<Long> users = new ArrayList<>();
        List<Long> articles = new ArrayList<>();
        List<Timestamp> times = new ArrayList<>();
        for (Map.Entry<Key, Instant> visit : pending.entrySet()) {
            if (pending.remove(visit.getKey(), visit.getValue())) {
                users.add(visit.getKey().userId());
                articles.add(visit.getKey().articleId());
                times.add(Timestamp.from(visit.getValue()));
            }
        }
        if (users.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement upsert = connection.prepareStatement("""
                        insert into article_visit (user_id, article_id, visited_at)
                        select v.user_id, v.article_id, v.visited_at from unnest(?, ?, ?) as v (user_id, article_id, visited_at)
                          join app_user u on u.id = v.user_id join article a on a.id = v.article_id
                        on conflict (user_id, article_id)
                        do update set visited_at = greatest(article_visit.visited_at, excluded.visited_at)""")) {
            Array u = connection.createArrayOf("bigint", users.toArray());
            Array a = connection.createArrayOf("bigint", articles.toArray());
            Array t = connection.createArrayOf("timestamptz", times.toArray());
            upsert.setArray(1, u);
            upsert.setArray(2, a);
            upsert.setArray(3, t);
            upsert.executeUpdate();
        } catch (SQLException e) {
            // a lost visit only means some comments are not marked new: not worth failing anything for
            LOG.warnf("Could not store %d article visits: %s", users.size(), e.getMessage());
        }
    }

    @Scheduled(every = "1h", delayed = "2m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void pruneHourly() {
        prune();
    }

    /** Deletes visits older than the retention; returns how many. */
    public int prune() {
        Instant before = Instant.now().minus(Duration.ofDays(config.comments().visitRetentionDays()));
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement("delete from article_visit where visited_at < ?")) {
            delete.setTimestamp(1, Timestamp.from(before));
            return delete.executeUpdate();
        } catch (SQLException e) {
            LOG.warnf("Could not delete old article visits: %s", e.getMessage());
            return 0;
        }
    }

    /** A deleted account keeps no visits. */
    void onAccountDeleted(@Observes(during = jakarta.enterprise.event.TransactionPhase.IN_PROGRESS)
            io.tribune.account.AccountDeleted deleted) {
        pending.keySet().removeIf(key -> key.userId() == deleted.userId());
        recent.asMap().keySet().removeIf(key -> key.userId() == deleted.userId());
        io.quarkus.hibernate.orm.panache.Panache.getEntityManager()
                .createNativeQuery("delete from article_visit where user_id = ?1").setParameter(1, deleted.userId())
                .executeUpdate();
    }

    void onStop(@Observes ShutdownEvent stop) {
        flush();
    }
}
