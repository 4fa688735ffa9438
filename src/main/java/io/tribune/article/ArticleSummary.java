package io.tribune.article;

import java.time.Instant;

/** What a list of articles shows of each one. */
public record ArticleSummary(String slug, String headline, String standfirst, String sectionSlug, String sectionName,
        String authorName, Instant publishedAt, int commentCount, String heroUrl, String heroAlt) {
}
