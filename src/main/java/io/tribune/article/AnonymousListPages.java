package io.tribune.article;

import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Caffeine;

import io.tribune.config.TribuneConfig;
import io.tribune.web.DatabaseChanges;
import io.tribune.web.KeptUntilChanged;
import io.tribune.web.PublicPages.Page;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The home page and section pages as readers without an account see them, rendered once and kept until PostgreSQL
 * announces a change to what they show of any article (a comment count, a headline, a publication: the notice
 * {@code lists}), or to a section or author ({@link DatabaseChanges}); an up-vote does not touch them. Such a page
 * is the same for every anonymous reader, and the front page is the most read page of a news site. While this
 * instance is not listening to those notices, every request renders.
 */
@ApplicationScoped
public class AnonymousListPages implements DatabaseChanges.Listener {

    /** A list page is ~20 summaries: a few hundred entries are a few megabytes. */
    private static final int MAX_PAGES = 500;

    private final KeptUntilChanged<String, Page> pages;

    AnonymousListPages(DatabaseChanges changes, TribuneConfig config) {
        this.pages = config.pageCache().maxMegabytes() <= 0 ? null
                : new KeptUntilChanged<>(changes, Caffeine.newBuilder().maximumSize(MAX_PAGES)
                        .expireAfterAccess(config.pageCache().expireAfterAccess()).<String, Page>build());
        changes.subscribe(this);
    }

    /**
     * The page under this key (e.g. "home/2"), rendered by {@code render} unless it is kept; {@code nav} is the
     * account links as that render shows them (for a visitor without an account).
     */
    public Page get(String key, Supplier<String> render, Supplier<String> nav) {
        return pages == null ? Page.of(render.get(), nav.get()) : pages.get(key, k -> Page.of(render.get(), nav.get()));
    }

    /** The page under this key if it is kept, without rendering it. */
    public Page getIfPresent(String key) {
        return pages == null ? null : pages.getIfPresent(key);
    }

    @Override
    public void changed(String notice) {
        if (notice.equals("lists") || notice.equals("pages")) {
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
