package io.tribune.comment;

import java.util.List;

/** One page of an article's top-level threads, each with all its replies. */
public record CommentThread(List<CommentNode> threads, CommentSort sort, int page, boolean hasNext) {

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
