package io.tribune.article;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.quarkus.panache.common.Parameters;
import io.tribune.config.TribuneConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

/** Reads published articles for the reader pages and the API. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ArticleService {

    private static final String PUBLISHED = "a.status = io.tribune.article.ArticleStatus.PUBLISHED and a.publishedAt <= :now";
    private static final String WITH_SECTION_AND_AUTHOR = "select a from Article a join fetch a.section join fetch a.author where ";
    /** List pages read only what they show: no bodies, no managed entities. */
    private static final String SUMMARIES = "select new io.tribune.article.ArticleSummary(a.slug, a.headline, a.standfirst,"
            + " s.slug, s.name, au.name, a.publishedAt, a.commentCount, a.heroUrl, a.heroAlt)"
            + " from Article a join a.section s join a.author au where ";

    private final TribuneConfig config;

    ArticleService(TribuneConfig config) {
        this.config = config;
    }

    public ArticlePage latest(int page) {
        return summaries(PUBLISHED + " order by a.publishedAt desc, a.id desc",
                Parameters.with("now", Instant.now()), page);
    }

    public ArticlePage inSection(Section section, int page) {
        return summaries(PUBLISHED + " and a.section = :section order by a.publishedAt desc, a.id desc",
                Parameters.with("now", Instant.now()).and("section", section), page);
    }

    /** A published article with its section, author and update notes, in one statement. */
    public Optional<Article> findPublished(String slug) {
        return Article.find("select distinct a from Article a join fetch a.section join fetch a.author"
                + " left join fetch a.updates where a.slug = :slug and " + PUBLISHED,
                Parameters.with("slug", slug).and("now", Instant.now())).singleResultOptional();
    }

    public ArticlePage byAuthor(Author author, int page) {
        return summaries(PUBLISHED + " and a.author = :author order by a.publishedAt desc, a.id desc",
                Parameters.with("now", Instant.now()).and("author", author), page);
    }

    /** The newest published articles, all sections or one, for feeds. */
    public List<Article> recent(Section section, int limit) {
        String where = section == null ? "" : " and a.section = :section";
        Parameters params = Parameters.with("now", Instant.now());
        if (section != null) {
            params.and("section", section);
        }
        return Article.<Article>find(WITH_SECTION_AND_AUTHOR + PUBLISHED + where
                + " order by a.publishedAt desc, a.id desc", params).range(0, limit - 1).list();
    }

    /** Every published article's slug and last change, for the sitemap. */
    public List<Object[]> publishedSlugs() {
        return Article.getEntityManager().createQuery("select a.slug, a.updatedAt from Article a where "
                + PUBLISHED + " order by a.publishedAt desc", Object[].class)
                .setParameter("now", Instant.now()).getResultList();
    }

    /** The current slug of a published article that once had {@code oldSlug}. */
    @SuppressWarnings("unchecked")
    public Optional<String> redirectFor(String oldSlug) {
        List<String> found = Article.getEntityManager().createNativeQuery("select a.slug from slug_redirect r"
                + " join article a on a.id = r.article_id where r.old_slug = ?1 and a.status = 'PUBLISHED'"
                + " and a.published_at <= now()").setParameter(1, oldSlug).getResultList();
        return found.stream().findFirst();
    }

    public Optional<Author> author(String slug) {
        return Author.findBySlug(slug);
    }

    public List<Section> sections() {
        return Section.listInOrder();
    }

    public Optional<Section> section(String slug) {
        return Section.findBySlug(slug);
    }

    private int first(int page) {
        return (page - 1) * config.articlesPerPage();
    }

    /** One row more than a page, to learn whether a next page exists. */
    private ArticlePage summaries(String where, Parameters parameters, int page) {
        TypedQuery<ArticleSummary> query = Article.getEntityManager().createQuery(SUMMARIES + where, ArticleSummary.class);
        parameters.map().forEach(query::setParameter);
        List<ArticleSummary> rows = query.setFirstResult(first(page)).setMaxResults(config.articlesPerPage() + 1)
                .getResultList();
        int size = config.articlesPerPage();
        List<ArticleSummary> shown = rows.stream().limit(size).toList();
        return new ArticlePage(shown, page, rows.size() > size);
    }
}
