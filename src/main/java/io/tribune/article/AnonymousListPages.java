package io.tribune.article;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.tribune.config.TribuneConfig;
import io.tribune.web.DatabaseChanges;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The home page and section pages as readers without an account see them, rendered once and kept until PostgreSQL
 * announces a change to what they show of any article (a comment count, a headline, a publication: the notice
 * {@code lists}), or to a section or author ({@link DatabaseChanges}); an up-vote does not touch them. Such a page is the same for every anonymous reader, and the front page is the most
 * read page of a news site. While this instance is not listening to those notices, every request renders.
 */
@ApplicationScoped
public class AnonymousListPages implements DatabaseChanges.Listener {

    /** A list page is ~20 summaries: a few hundred entries are a few megabytes. */
    private static final int MAX_PAGES = 500;

    private final DatabaseChanges changes;
    private final Cache<String, byte[]> pages;
    /** Counts the notices received, to tell whether one arrived while a page was being rendered. */
    private final AtomicLong notices = new AtomicLong();

    AnonymousListPages(DatabaseChanges changes, TribuneConfig config) {
        this.changes = changes;
        this.pages = config.pageCache().maxMegabytes() <= 0 ? null
                : Caffeine.newBuilder().maximumSize(MAX_PAGES)
                        .expireAfterAccess(config.pageCache().expireAfterAccess()).build();
        changes.subscribe(this);
    }

    /** The page under this key (e.g. "home/2"), rendered by {@code render} unless it is kept. */
    public byte[] get(String key, Supplier<String> render) {
        if (pages == null || !changes.isLive()) {
            return render.get().getBytes(StandardCharsets.UTF_8);
        }
        byte[] kept = pages.getIfPresent(key);
        if (kept != null) {
            return kept;
        }
        long noticesBefore = notices.get();
        byte[] rendered = render.get().getBytes(StandardCharsets.UTF_8);
        pages.put(key, rendered);
        if (notices.get() != noticesBefore) {
            // a change was announced while this was rendered: what was rendered may predate it
            pages.invalidate(key);
        }
        return rendered;
    }

    @Override
    public void changed(String notice) {
        if (notice.equals("lists") || notice.equals("pages")) {
            forgetAll();
        }
    }

    @Override
    public void forgetAll() {
        notices.incrementAndGet();
        if (pages != null) {
            pages.invalidateAll();
        }
    }
}
