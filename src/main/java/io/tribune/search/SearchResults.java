package io.tribune.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A page of search results for a query. {@code q} is empty when nothing was asked. */
public record SearchResults(String q, List<SearchHit> hits, int page, boolean hasNext) {

    public boolean asked() {
        return !q.isEmpty();
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public String pageLink(int other) {
        return "/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + "&page=" + other;
    }

    public String previousLink() {
        return pageLink(page - 1);
    }

    public String nextLink() {
        return pageLink(page + 1);
    }
}
