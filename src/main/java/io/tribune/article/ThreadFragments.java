package io.tribune.article;

import java.util.function.Supplier;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.tribune.comment.CommentSort;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Rendered comment threads for anonymous readers, so a busy article does not read and render its thread on every
 * request. The key carries the article's {@code threadVersion}, which every change bumps in its own transaction:
 * a stale entry is never served, on any instance, and old entries simply age out of the bounded cache.
 */
@ApplicationScoped
public class ThreadFragments {

    /** The HTML of one page of threads, and whether that page had no threads at all. */
    public record Rendered(String html, boolean empty) {
    }

    record Key(long articleId, long version, CommentSort sort, int page) {
    }

    private final Cache cache;

    ThreadFragments(@CacheName("article-threads") Cache cache) {
        this.cache = cache;
    }

    public Rendered get(Article article, CommentSort sort, int page, Supplier<Rendered> render) {
        return cache.get(new Key(article.id, article.threadVersion, sort, page), key -> render.get())
                .await().indefinitely();
    }
}
