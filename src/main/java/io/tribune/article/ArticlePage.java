package io.tribune.article;

import java.util.List;

/** One page of a list of articles, and whether there are more. */
public record ArticlePage(List<ArticleSummary> articles, int page, boolean hasNext) {

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
