package io.tribune.web;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Each logged-in reader's header account links (their name, the unread-notification count, their links and the
 * log-out form), as rendered for them, kept with their CSRF token cut out: a kept page (the home page, a section, a
 * list, an article) then costs them neither the unread count's statement nor a render. Kept until PostgreSQL
 * announces a change to them ({@code reader:<id>}: a notification written or read; {@code user:<id>}: their name,
 * roles or standing) and, for this instance's own writes, forgotten before the response to any write of theirs goes
 * out ({@code reading.KeptReaders}). Nothing is kept or used while this instance is not listening.
 */
@ApplicationScoped
public class KeptNavs implements DatabaseChanges.Listener {

    private static final String READER_NOTICE = "reader:";
    private static final String USER_NOTICE = "user:";

    private record Nav(String beforeToken, String afterToken) {
    }

    private final DatabaseChanges changes;
    private final Cache<Long, Nav> navs = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterAccess(Duration.ofMinutes(30))
            .build();
    private final AtomicLong forgets = new AtomicLong();

    KeptNavs(DatabaseChanges changes) {
        this.changes = changes;
        changes.subscribe(this);
    }

    /** The reader's links with this token, if kept: never renders (for the event loop). */
    public Optional<String> kept(long userId, String token) {
        Nav nav = changes.isLive() ? navs.getIfPresent(userId) : null;
        return nav == null ? Optional.empty() : Optional.of(nav.beforeToken() + token + nav.afterToken());
    }

    /** The reader's links with this token: kept, or rendered by {@code render} (for this token) and kept. */
    public String get(long userId, String token, Supplier<String> render) {
        Optional<String> kept = kept(userId, token);
        if (kept.isPresent()) {
            return kept.get();
        }
        long readStart = forgets.get();
        String nav = render.get();
        int at = token.length() < 16 ? -1 : nav.indexOf(token);
        if (changes.isLive() && at >= 0 && nav.indexOf(token, at + token.length()) < 0) {
            navs.put(userId, new Nav(nav.substring(0, at), nav.substring(at + token.length())));
            if (forgets.get() != readStart) {
                navs.invalidate(userId); // a notice came while it was read: it may predate the change
            }
        }
        return nav;
    }

    public void forget(long userId) {
        forgets.incrementAndGet();
        navs.invalidate(userId);
    }

    @Override
    public void changed(String notice) {
        forReader(notice, this::forget, this::forgetAll);
    }

    /**
     * What a notice says of one reader: {@code reader:<id>} (V19: their votes, mutes, notifications, comments or
     * standing) or {@code user:<id>} (V7: their session columns) calls {@code forget} with the id; a malformed one
     * calls {@code forgetAll}; any other, nothing.
     */
    public static void forReader(String notice, LongConsumer forget, Runnable forgetAll) {
        String id = notice.startsWith(READER_NOTICE) ? notice.substring(READER_NOTICE.length())
                : notice.startsWith(USER_NOTICE) ? notice.substring(USER_NOTICE.length()) : null;
        if (id == null) {
            return;
        }
        try {
            forget.accept(Long.parseLong(id));
        } catch (NumberFormatException e) {
            forgetAll.run();
        }
    }

    @Override
    public void forgetAll() {
        forgets.incrementAndGet();
        navs.invalidateAll();
    }
}
