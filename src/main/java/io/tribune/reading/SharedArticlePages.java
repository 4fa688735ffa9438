package io.tribune.reading;

import java.util.Optional;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.tribune.comment.CommentSort;
import io.tribune.config.TribuneConfig;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The logged-in article pages ({@link SharedArticlePage}), kept per layout stamp like the anonymous ones
 * ({@link AnonymousArticlePages.Stamp#layout}): a page is only used for the stamp it was rendered from, so a
 * comment, edit or moderation decision (each moves the stamp) is seen on the next request; an up-vote moves only the
 * vote version, whose counts each reader's page takes from {@link VoteCounts}. Concurrent requests for a page not
 * rendered yet wait for one render.
 */
@ApplicationScoped
class SharedArticlePages {

    /** {@code zone}: the readers' own time zone (null for the site's), as the shared page shows times in it. */
    record Key(AnonymousArticlePages.Stamp stamp, boolean open, CommentSort sort, int page, java.time.ZoneId zone) {
    }

    private final Cache<Key, Optional<SharedArticlePage>> cache;

    SharedArticlePages(TribuneConfig config) {
        this.cache = config.pageCache().maxMegabytes() <= 0 ? null
                : Caffeine.newBuilder()
                        .maximumWeight(config.pageCache().maxMegabytes() * 1024L * 1024L)
                        .weigher((Key key, Optional<SharedArticlePage> page) -> page.map(SharedArticlePage::bytes).orElse(0) + 256)
                        .expireAfterAccess(config.pageCache().expireAfterAccess())
                        .build();
    }

    /** The shared page for this key if it is kept: never renders (for the event loop). */
    Optional<SharedArticlePage> getIfPresent(Key key) {
        Optional<SharedArticlePage> page = cache == null ? null : cache.getIfPresent(key);
        return page == null ? Optional.empty() : page;
    }

    /** The shared page for this stamp, rendered by {@code render} unless kept; empty when it could not be cut. */
    Optional<SharedArticlePage> get(Key key, Supplier<Optional<SharedArticlePage>> render) {
        if (cache == null) {
            return render.get();
        }
        Optional<SharedArticlePage> page = cache.get(key, k -> render.get());
        if (page.isEmpty()) {
            cache.invalidate(key); // rendered for each reader this time; tried again on the next request
        }
        return page;
    }
}
