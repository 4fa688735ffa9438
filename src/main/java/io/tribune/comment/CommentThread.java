package io.tribune.comment;

import java.util.List;

/** One page of an article's top-level threads, each with all its replies. */
public record CommentThread(List<CommentNode> threads, CommentSort sort, int page, boolean hasNext,
        List<CommentNode> featured, boolean whole) {

    public CommentThread(List<CommentNode> threads, CommentSort sort, int page, boolean hasNext) {
        this(threads, sort, page, hasNext, List.of(), false);
    }

    /** The same page with the featured comments above its threads. */
    public CommentThread withFeatured(List<CommentNode> comments) {
        return new CommentThread(threads, sort, page, hasNext, comments, whole);
    }

    /**
     * For the article page: each thread shows its first {@code shown} replies and links to the rest ("N more
     * replies"). Changes this page's nodes, which are built for each rendering.
     */
    public CommentThread showingFirstReplies(int shown) {
        threads.forEach(node -> node.showFirstReplies(shown));
        return this;
    }

    /** One thread, whole, on its own page ({@code ?thread=}). */
    public CommentThread asWholeThread() {
        return new CommentThread(threads, sort, 1, false, List.of(), true);
    }

    public List<CommentSort> sorts() {
        return List.of(CommentSort.values());
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public int nextPage() {
        return page + 1;
    }

    public int previousPage() {
        return page - 1;
    }
}
