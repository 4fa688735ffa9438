package io.tribune.editorial;

import java.util.List;
import java.util.Map;

import io.tribune.article.Article;
import io.tribune.article.ArticleStatus;
import io.tribune.article.Author;
import io.tribune.article.Section;

/** Everything the desk's edit page shows. {@code article} is null for a new article. */
public record EditView(Article article, ArticleForm form, Map<String, String> errors, Article preview,
        List<Section> sections, List<Author> authors, List<ArticleRevision> revisions, String notice,
        String publishAt, String updateText) {

    public boolean isNew() {
        return article == null;
    }

    public String action() {
        return article == null ? "/admin/articles/new" : "/admin/articles/" + article.id;
    }

    public boolean published() {
        return article != null && article.status == ArticleStatus.PUBLISHED;
    }

    public boolean live() {
        return article != null && article.isPublished();
    }

    public String statusLabel() {
        return article == null ? "new" : article.status.name().toLowerCase();
    }

    public String error(String field) {
        return errors.get(field);
    }

    public boolean hasError(String field) {
        return errors.containsKey(field);
    }
}
