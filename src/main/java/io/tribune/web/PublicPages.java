package io.tribune.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Caffeine;

import io.tribune.config.TribuneConfig;

/**
 * Pages that are the same for every reader without an account (feeds, the sitemap, author pages, search results,
 * public profiles), kept as bytes with their entity tag until PostgreSQL announces a change of what they show
 * ({@link DatabaseChanges}): each owner names the notices its pages depend on ({@code articles}, {@code lists},
 * {@code comments}, {@code profiles}; {@code pages} — sections, bylines — always counts). Nothing is kept while this
 * instance is not listening, and a page whose render overlapped a notice is not kept ({@link KeptUntilChanged}).
 * <p>
 * Only pages rendered for a visitor are kept here. A logged-in reader may get such a page with their own account
 * links spliced in ({@link Page#withNav}) — the header's links are the only part of these pages that is theirs —
 * and nothing rendered for them is ever kept.
 */
public final class PublicPages implements DatabaseChanges.Listener {

    /**
     * A page as bytes, its entity tag, and where its header's account links are ({@code navStart} to
     * {@code navEnd}, in bytes; -1 when it has none or they were not found).
     */
    public record Page(byte[] bytes, String etag, int navStart, int navEnd) {

        public static Page of(byte[] bytes) {
            return new Page(bytes, HttpCaching.etag(bytes), -1, -1);
        }

        /** An HTML page; {@code nav} is its account links as a visitor's render shows them. */
        public static Page of(String html, String nav) {
            byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
            int at = html.indexOf(nav);
            int start = at < 0 ? -1 : html.substring(0, at).getBytes(StandardCharsets.UTF_8).length;
            int end = at < 0 ? -1 : start + nav.getBytes(StandardCharsets.UTF_8).length;
            return new Page(bytes, HttpCaching.etag(bytes), start, end);
        }

        /** This page with a logged-in reader's account links in place of a visitor's; null when it cannot be. */
        public byte[] withNav(String readerNav) {
            if (navStart < 0) {
                return null;
            }
            byte[] nav = readerNav.getBytes(StandardCharsets.UTF_8);
            byte[] out = new byte[bytes.length - (navEnd - navStart) + nav.length];
            System.arraycopy(bytes, 0, out, 0, navStart);
            System.arraycopy(nav, 0, out, navStart, nav.length);
            System.arraycopy(bytes, navEnd, out, navStart + nav.length, bytes.length - navEnd);
            return out;
        }
    }

    private final KeptUntilChanged<String, Page> pages;
    private final Set<String> notices;

    /**
     * @param maxAge how long a page may be kept at most (for what changes with time alone, such as a supporter's
     *        badge running out), or null
     */
    public PublicPages(DatabaseChanges changes, TribuneConfig config, int maxPages, Duration maxAge, String... notices) {
        this.notices = Set.of(notices);
        if (config.pageCache().maxMegabytes() <= 0) {
            this.pages = null;
        } else {
            Caffeine<Object, Object> builder = Caffeine.newBuilder().maximumSize(maxPages)
                    .expireAfterAccess(config.pageCache().expireAfterAccess());
            if (maxAge != null) {
                builder.expireAfterWrite(maxAge);
            }
            this.pages = new KeptUntilChanged<>(changes, builder.<String, Page>build());
        }
        changes.subscribe(this);
    }

    /** The page under this key, rendered by {@code render} (for a visitor) unless it is kept. */
    public Page get(String key, Supplier<Page> render) {
        return pages == null ? render.get() : pages.get(key, k -> render.get());
    }

    /** The page under this key if it is kept, without rendering it. */
    public Page getIfPresent(String key) {
        return pages == null ? null : pages.getIfPresent(key);
    }

    @Override
    public void changed(String notice) {
        if (notices.contains(notice) || notice.equals("pages")) {
            forgetAll();
        }
    }

    @Override
    public void forgetAll() {
        if (pages != null) {
            pages.forgetAll();
        }
    }
}
