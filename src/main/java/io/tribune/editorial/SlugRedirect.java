package io.tribune.editorial;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.tribune.article.Article;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A slug a published article used to have; the reader page redirects it to the current one. */
@Entity
@Table(name = "slug_redirect")
public class SlugRedirect extends PanacheEntityBase {

    @Id
    @Column(name = "old_slug")
    public String oldSlug;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "article_id")
    public Article article;
    @Column(name = "created_at")
    public Instant createdAt = Instant.now();
}
