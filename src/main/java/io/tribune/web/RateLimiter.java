package io.tribune.web;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Sliding-window limits kept in PostgreSQL (table {@code rate_limit_event}), so every instance sees the same
 * counts. A bucket names what is limited ("login-account:42", "signup-ip:203.0.113.9"); an advisory lock per
 * bucket keeps concurrent checks from both slipping under the limit.
 */
@ApplicationScoped
public class RateLimiter {

    private final EntityManager em;

    RateLimiter(EntityManager em) {
        this.em = em;
    }

    /** How long to wait before the next attempt, or empty if the bucket is under its limit. */
    @Transactional
    public Optional<Duration> retryAfter(String bucket, int limit, Duration window) {
        lock(bucket);
        Object[] row = (Object[]) em.createNativeQuery("""
                select count(*), min(created_at) from (
                  select created_at from rate_limit_event where bucket = ?1 and created_at > now() - make_interval(secs => ?2)
                  order by created_at desc limit ?3) recent""")
                .setParameter(1, bucket).setParameter(2, (double) window.toMillis() / 1000).setParameter(3, limit)
                .getSingleResult();
        if (((Number) row[0]).intValue() < limit) {
            return Optional.empty();
        }
        Instant oldest = toInstant(row[1]);
        Duration wait = Duration.between(Instant.now(), oldest.plus(window));
        return Optional.of(wait.isNegative() || wait.isZero() ? Duration.ofSeconds(1) : wait);
    }

    /** Counts one event in each bucket. */
    @Transactional
    public void record(String... buckets) {
        for (String bucket : buckets) {
            em.createNativeQuery("insert into rate_limit_event (bucket) values (?1)").setParameter(1, bucket)
                    .executeUpdate();
        }
    }

    /** Checks the limit and, if under it, counts this attempt: for actions limited whether they succeed or not. */
    @Transactional
    public Optional<Duration> acquire(String bucket, int limit, Duration window) {
        Optional<Duration> wait = retryAfter(bucket, limit, window);
        if (wait.isEmpty()) {
            record(bucket);
        }
        return wait;
    }

    @Transactional
    public void clear(String bucket) {
        em.createNativeQuery("delete from rate_limit_event where bucket = ?1").setParameter(1, bucket).executeUpdate();
    }

    /** Deletes events older than the given age; returns how many. */
    @Transactional
    public int purgeOlderThan(Duration age) {
        return em.createNativeQuery("delete from rate_limit_event where created_at < now() - make_interval(secs => ?1)")
                .setParameter(1, (double) age.toSeconds()).executeUpdate();
    }

    private void lock(String bucket) {
        em.createNativeQuery("select pg_advisory_xact_lock(7202, hashtext(?1))").setParameter(1, bucket).getSingleResult();
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("Unexpected timestamp type " + value.getClass());
    }

    /** Whole seconds for a Retry-After header, rounded up. */
    public static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
