package io.tribune.web;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;

/**
 * Values read from the database and kept in memory until PostgreSQL announces that their rows changed
 * ({@link DatabaseChanges}); the owner turns its notices into {@link #forget} and {@link #forgetAll}. Nothing is
 * kept or served while this instance is not listening, and a value whose read overlapped a notice is not kept, as
 * it may predate that change.
 */
public final class KeptUntilChanged<K, V> {

    private final DatabaseChanges changes;
    private final Cache<K, V> kept;
    /** Counts forgets, to tell whether one happened while a value was being read. */
    private final AtomicLong forgets = new AtomicLong();

    public KeptUntilChanged(DatabaseChanges changes, Cache<K, V> kept) {
        this.changes = changes;
        this.kept = kept;
    }

    /** The kept value, or null when there is none or this instance is not listening: never reads. */
    public V getIfPresent(K key) {
        return changes.isLive() ? kept.getIfPresent(key) : null;
    }

    /** The kept value, else what {@code read} returns (null: nothing there), kept for next time. */
    public V get(K key, Function<? super K, ? extends V> read) {
        if (!changes.isLive()) {
            return read.apply(key);
        }
        V known = kept.getIfPresent(key);
        if (known != null) {
            return known;
        }
        long forgetsBefore = forgets.get();
        V value = read.apply(key);
        if (value != null) {
            // kept first, checked after: a forget that comes later removes it, one that came meanwhile is seen here
            kept.put(key, value);
            if (forgets.get() != forgetsBefore) {
                kept.invalidate(key);
            }
        }
        return value;
    }

    /**
     * What {@code read} returns now, never the kept value, and kept in its place for next time (unless a forget came
     * while reading): for a reader who must see their own change before this instance is told of it.
     */
    public V refresh(K key, Function<? super K, ? extends V> read) {
        long forgetsBefore = forgets.get();
        V value = read.apply(key);
        if (changes.isLive()) {
            if (value == null) {
                kept.invalidate(key);
            } else {
                kept.put(key, value);
                if (forgets.get() != forgetsBefore) {
                    kept.invalidate(key);
                }
            }
        }
        return value;
    }

    public void forget(K key) {
        forgets.incrementAndGet();
        kept.invalidate(key);
    }

    public void forgetAll() {
        forgets.incrementAndGet();
        kept.invalidateAll();
    }
}
