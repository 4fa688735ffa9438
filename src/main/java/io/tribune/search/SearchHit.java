package io.tribune.search;

import java.time.Instant;

/** One search result; {@code snippetHtml} is escaped text with {@code <mark>} around the matched words. */
public record SearchHit(String slug, String headline, String standfirst, String sectionSlug, String sectionName,
        Instant publishedAt, String snippetHtml) {
}
