package io.tribune.article;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;

@Entity
public class Article extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String slug;
    public String headline;
    public String standfirst;
    /** Markdown as the editor wrote it. */
    public String body;
    /** {@link #body} rendered and sanitized at write time. */
    @Column(name = "body_html")
    public String bodyHtml;
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
    @Enumerated(EnumType.STRING)
    public ArticleStatus status = ArticleStatus.PUBLISHED;
    @Column(name = "published_at")
    public Instant publishedAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "comments_open")
    public boolean commentsOpen = true;
    @Column(name = "comment_count")
    public int commentCount;
    @OneToMany(mappedBy = "article", fetch = FetchType.LAZY)
    @OrderBy("postedAt")
    public List<ArticleUpdate> updates = new ArrayList<>();

    public boolean isPublished() {
        return status == ArticleStatus.PUBLISHED && publishedAt != null && !publishedAt.isAfter(Instant.now());
    }
}
