package io.tribune.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A page of search results for a query. {@code q} is empty when nothing was asked; {@code refusal} says why a
 * query was not run (too many searches), else it is null.
 */
public record SearchResults(String q, List<SearchHit> hits, int page, boolean hasNext, String refusal) {

    public SearchResults(String q, List<SearchHit> hits, int page, boolean hasNext) {
        this(q, hits, page, hasNext, null);
    }

    /** The form with what was typed, and why it was not searched. */
    public static SearchResults refused(String typed, String why) {
        return new SearchResults(SearchService.normalize(typed), List.of(), 1, false, why);
    }

    public boolean asked() {
        return !q.isEmpty() && refusal == null;
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
