package io.tribune.editorial;

import java.time.Instant;
import java.util.ArrayList;

import io.tribune.account.User;
import io.tribune.article.Article;
import io.tribune.article.Author;
import io.tribune.article.Section;
import io.tribune.markdown.MarkdownRenderer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * The article as readers would see it if the desk's form were saved now: an unsaved copy (never persisted) of the
 * article with the form's text, section and byline, keeping what the form does not carry (the hero picture, the
 * update notes, the publication time). Rendered with the reader's story template.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
class ArticlePreview {

    private final MarkdownRenderer markdown;

    ArticlePreview(MarkdownRenderer markdown) {
        this.markdown = markdown;
    }

    Article of(Article saved, ArticleForm form, User editor) {
        Article preview = new Article();
        preview.headline = form.headline();
        preview.standfirst = form.standfirst();
        preview.body = form.body();
        preview.bodyHtml = markdown.article(form.body() == null ? "" : form.body());
        preview.section = section(saved, form);
        preview.author = author(saved, form, editor);
        if (saved != null) {
            preview.slug = saved.slug;
            preview.heroUrl = saved.heroUrl;
            preview.updates = new ArrayList<>(saved.updates);
            preview.publishedAt = saved.publishedAt;
            preview.updatedAt = saved.updatedAt;
        }
        preview.heroAlt = form.heroAlt();
        preview.heroCaption = form.heroCaption();
        preview.heroCredit = form.heroCredit();
        if (preview.publishedAt == null) {
            preview.publishedAt = Instant.now();
        }
        return preview;
    }

    private static Section section(Article saved, ArticleForm form) {
        Section chosen = form.sectionId() == null ? null : Section.findById(form.sectionId());
        if (chosen != null) {
            return chosen;
        }
        if (saved != null) {
            return saved.section;
        }
        Section none = new Section();
        none.name = "No section chosen";
        none.slug = "";
        return none;
    }

    private static Author author(Article saved, ArticleForm form, User editor) {
        Author chosen = form.authorId() == null ? null : Author.findById(form.authorId());
        if (chosen != null) {
            return chosen;
        }
        if (saved != null) {
            return saved.author;
        }
        return Author.findByUser(editor.id).orElseGet(() -> {
            Author byline = new Author();
            byline.name = editor.displayName;
            byline.slug = Slugs.of(editor.username);
            return byline;
        });
    }
}
