package io.tribune.editorial;

import java.util.List;

/** A page of the desk's list with the filters that produced it. */
public record DeskList(List<DeskRow> rows, int page, boolean hasNext, String status, String section, String q) {

    public List<String> statuses() {
        return List.of("draft", "scheduled", "published", "unpublished");
    }

    public int previousPage() {
        return page - 1;
    }

    public int nextPage() {
        return page + 1;
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    /** The query string for another page with the same filters. */
    public String query(int otherPage) {
        StringBuilder sb = new StringBuilder("?page=").append(otherPage);
        append(sb, "status", status);
        append(sb, "section", section);
        append(sb, "q", q);
        return sb.toString();
    }

    private static void append(StringBuilder sb, String name, String value) {
        if (value != null && !value.isBlank()) {
            sb.append('&').append(name).append('=')
                    .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
