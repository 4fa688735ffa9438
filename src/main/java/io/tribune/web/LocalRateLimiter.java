package io.tribune.web;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * A fixed-window limit counted in this instance's memory, for read requests a bot could hammer. {@link RateLimiter}
 * keeps its counts in PostgreSQL, shared by every instance, which suits log-ins and sign-ups; here writing a row per
 * request would cost as much as the request itself. With several instances behind a load balancer a client gets
 * at most the limit from each.
 */
public class LocalRateLimiter {

    private record Window(long startNanos, AtomicInteger count) {
    }

    private final int limit;
    private final Duration window;
    private final Cache<String, Window> windows;

    public LocalRateLimiter(int limit, Duration window) {
        this.limit = limit;
        this.window = window;
        this.windows = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(window).build();
    }

    /** Counts this request; how long to wait when it is over the limit, empty when it may go on. */
    public Optional<Duration> acquire(String key) {
        Window current = windows.get(key, k -> new Window(System.nanoTime(), new AtomicInteger()));
        if (current.count().incrementAndGet() <= limit) {
            return Optional.empty();
        }
        Duration left = window.minusNanos(System.nanoTime() - current.startNanos());
        return Optional.of(left.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : left);
    }
}
