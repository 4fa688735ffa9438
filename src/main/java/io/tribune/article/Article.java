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
    /** False once a person closed the comments. */
    @Column(name = "comments_open")
    public boolean commentsOpen = true;
    /** A person opened the comments explicitly: no closing by age (see {@link CommentWindow}). */
    @Column(name = "comments_keep_open")
    public boolean commentsKeepOpen;
    @Column(name = "comment_count")
    public int commentCount;
    /** Changes whenever what the article's threads show changes; see {@link #threadsChanged(Long)}. */
    @Column(name = "thread_version")
    public long threadVersion;
    /** Slow mode: the least seconds between two comments of one person here; 0 is off (set by moderators). */
    @Column(name = "slow_mode_seconds")
    public int slowModeSeconds;
    @OneToMany(mappedBy = "article", fetch = FetchType.LAZY)
    @OrderBy("postedAt")
    public List<ArticleUpdate> updates = new ArrayList<>();

    /** Call in the transaction that changes a comment, a vote or anything else the article's threads show. */
    public static void threadsChanged(Long articleId) {
        threadsChanged(articleId, 0);
    }

    /** The same, also changing the stored count of visible comments by {@code visibleDelta}, in one statement. */
    public static void threadsChanged(Long articleId, int visibleDelta) {
        getEntityManager().createNativeQuery("update article set thread_version = thread_version + 1,"
                + " comment_count = comment_count + ?1 where id = ?2")
                .setParameter(1, visibleDelta).setParameter(2, articleId).executeUpdate();
    }

    /** The same for every article a user has commented on (their name changed, or their account went). */
    public static void threadsChangedForAuthor(Long userId) {
        update("threadVersion = threadVersion + 1 where id in (select c.article.id from Comment c where c.author.id = ?1)",
                userId);
    }

    public boolean isPublished() {
        return status == ArticleStatus.PUBLISHED && publishedAt != null && !publishedAt.isAfter(Instant.now());
    }
}
