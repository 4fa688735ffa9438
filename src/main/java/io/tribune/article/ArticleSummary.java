package io.tribune.article;

import java.time.Instant;

/** What a list of articles shows of each one. */
public record ArticleSummary(String slug, String headline, String standfirst, String sectionSlug, String sectionName,
        String authorName, Instant publishedAt, int commentCount, String heroUrl, String heroAlt) {

    static ArticleSummary of(Article a) {
        return new ArticleSummary(a.slug, a.headline, a.standfirst, a.section.slug, a.section.name, a.author.name,
                a.publishedAt, a.commentCount, a.heroUrl, a.heroAlt);
    }
}
