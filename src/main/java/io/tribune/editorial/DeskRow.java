package io.tribune.editorial;

import java.time.Instant;

import io.tribune.article.Article;
import io.tribune.article.ArticleStatus;

/** One line of the desk's list of articles. */
public record DeskRow(long id, String slug, String headline, ArticleStatus status, String sectionName,
        String authorName, int commentCount, Instant publishedAt, Instant updatedAt) {

    static DeskRow of(Article a) {
        return new DeskRow(a.id, a.slug, a.headline, a.status, a.section.name, a.author.name, a.commentCount,
                a.publishedAt, a.updatedAt);
    }

    public String statusLabel() {
        return status.name().toLowerCase();
    }
}
