package io.tribune.editorial;

import java.time.Instant;
import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.tribune.article.Article;
import io.tribune.article.Author;
import io.tribune.article.Section;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** An article as it was before a save. */
@Entity
@Table(name = "article_revision")
public class ArticleRevision extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "article_id")
    public Article article;
    @Column(name = "saved_at")
    public Instant savedAt;
    @Column(name = "saved_by")
    public String savedBy;
    public String slug;
    public String headline;
    public String standfirst;
    public String body;
    @Column(name = "hero_url")
    public String heroUrl;
    @Column(name = "hero_alt")
    public String heroAlt;
    @Column(name = "hero_caption")
    public String heroCaption;
    @Column(name = "hero_credit")
    public String heroCredit;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "section_id")
    public Section section;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "author_id")
    public Author author;
    @Column(name = "comments_open")
    public boolean commentsOpen;
    @Column(name = "comments_keep_open")
    public boolean commentsKeepOpen;

    static ArticleRevision of(Article a, String savedBy) {
        ArticleRevision r = new ArticleRevision();
        r.article = a;
        r.savedAt = Instant.now();
        r.savedBy = savedBy;
        r.slug = a.slug;
        r.headline = a.headline;
        r.standfirst = a.standfirst;
        r.body = a.body;
        r.heroUrl = a.heroUrl;
        r.heroAlt = a.heroAlt;
        r.heroCaption = a.heroCaption;
        r.heroCredit = a.heroCredit;
        r.section = a.section;
        r.author = a.author;
        r.commentsOpen = a.commentsOpen;
        r.commentsKeepOpen = a.commentsKeepOpen;
        return r;
    }

    static List<ArticleRevision> history(Article a) {
        return find("article = ?1 order by savedAt desc, id desc", a).list();
    }
}
