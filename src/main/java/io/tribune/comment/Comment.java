package io.tribune.comment;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.tribune.account.User;
import io.tribune.article.Article;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

@Entity
public class Comment extends PanacheEntityBase {

    @Id
    @CommentIds.FromIdentitySequence
    public Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "article_id")
    public Article article;
    @Column(name = "parent_id")
    public Long parentId;
    /** The thread's top-level comment; equals {@link #id} for a top-level comment. */
    @Column(name = "root_id")
    public Long rootId;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "author_id")
    public User author;
    /** The Markdown the author wrote. */
    public String body;
    /** {@link #body} rendered and sanitized once, at write time. */
    @Column(name = "body_html")
    public String bodyHtml;
    @Enumerated(EnumType.STRING)
    public CommentStatus status = CommentStatus.VISIBLE;
    /** Display depth, 0 for top-level, capped by {@code tribune.comments.max-depth}. */
    public short depth;
    @Column(name = "vote_count")
    public int voteCount;
    @Column(name = "created_at")
    public Instant createdAt = Instant.now();
    @Column(name = "edited_at")
    public Instant editedAt;
    /** Set while a moderator or an editor features the comment (io.tribune.moderation.Featuring). */
    @Column(name = "featured_at")
    public Instant featuredAt;
    @Column(name = "featured_note")
    public String featuredNote;
}
