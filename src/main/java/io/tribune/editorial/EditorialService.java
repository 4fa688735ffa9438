package io.tribune.editorial;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tribune.account.User;
import io.tribune.article.Article;
import io.tribune.article.ArticleStatus;
import io.tribune.article.ArticleUpdate;
import io.tribune.article.Author;
import io.tribune.article.Section;
import io.tribune.markdown.MarkdownRenderer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.NotFoundException;

/**
 * Every write of the desk: articles (with a revision of the previous version on each save), publication,
 * update notes, revisions and slug redirects. Each method is one transaction; a refused form writes nothing.
 */
@ApplicationScoped
@Transactional
public class EditorialService {

    private final MarkdownRenderer markdown;
    private final Validator validator;
    private final EntityManager em;

    EditorialService(MarkdownRenderer markdown, Validator validator, EntityManager em) {
        this.markdown = markdown;
        this.validator = validator;
        this.em = em;
    }

    /** The author an editor writes as, created from the editor's account on first use. */
    public Author authorFor(User user) {
        return Author.findByUser(user.id).orElseGet(() -> {
            Author a = new Author();
            a.userId = user.id;
            a.name = user.displayName;
            a.bio = user.bio;
            String base = Slugs.of(user.username);
            String slug = base;
            for (int i = 2; Author.findBySlug(slug).isPresent(); i++) {
                slug = base + "-" + i;
            }
            a.slug = slug;
            a.persist();
            return a;
        });
    }

    public Article create(ArticleForm form, User editor) {
        Map<String, String> errors = check(form);
        Article a = new Article();
        a.status = ArticleStatus.DRAFT;
        a.slug = form.slug() == null || form.slug().isBlank() ? freeSlug(Slugs.of(form.headline()))
                : form.slug();
        if (!slugFree(a.slug, null)) {
            errors.putIfAbsent("slug", "Another article already uses this slug.");
        }
        refuseIf(errors);
        apply(a, form, editor);
        a.updatedAt = Instant.now();
        a.persist();
        return a;
    }

    public Article update(long id, ArticleForm form, User editor) {
        Article a = article(id);
        Map<String, String> errors = check(form);
        String slug = form.slug() == null || form.slug().isBlank() ? a.slug : form.slug();
        if (!slug.equals(a.slug) && !slugFree(slug, a.id)) {
            errors.putIfAbsent("slug", "Another article already uses this slug.");
        }
        refuseIf(errors);
        ArticleRevision.of(a, editor.username).persist();
        changeSlug(a, slug);
        apply(a, form, editor);
        a.updatedAt = Instant.now();
        return a;
    }

    public Article publishNow(long id) {
        Article a = article(id);
        Instant now = Instant.now();
        if (a.publishedAt == null || a.status == ArticleStatus.SCHEDULED || a.status == ArticleStatus.DRAFT) {
            a.publishedAt = now;
        }
        a.status = ArticleStatus.PUBLISHED;
        a.updatedAt = now;
        return a;
    }

    public Article schedule(long id, Instant at) {
        if (at == null || !at.isAfter(Instant.now())) {
            throw new InvalidForm("publishAt", "Choose a publication time in the future (UTC).");
        }
        Article a = article(id);
        if (a.status == ArticleStatus.PUBLISHED) {
            throw new InvalidForm("publishAt", "This article is already published.");
        }
        a.status = ArticleStatus.SCHEDULED;
        a.publishedAt = at;
        a.updatedAt = Instant.now();
        return a;
    }

    public Article unpublish(long id) {
        Article a = article(id);
        a.status = ArticleStatus.UNPUBLISHED;
        a.updatedAt = Instant.now();
        return a;
    }

    public ArticleUpdate addUpdate(long id, String text) {
        Article a = article(id);
        if (a.status != ArticleStatus.PUBLISHED) {
            throw new InvalidForm("update", "Update notes are for published articles.");
        }
        if (text == null || text.isBlank()) {
            throw new InvalidForm("update", "Write the update note.");
        }
        if (text.length() > 2000) {
            throw new InvalidForm("update", "An update note can be at most 2000 characters.");
        }
        ArticleUpdate u = new ArticleUpdate();
        u.article = a;
        u.postedAt = Instant.now();
        u.body = text.strip();
        u.persist();
        a.updatedAt = u.postedAt;
        return u;
    }

    /** Brings back a revision's content; the current version becomes a revision itself. The slug stays. */
    public Article restore(long id, long revisionId, User editor) {
        Article a = article(id);
        ArticleRevision r = ArticleRevision.findById(revisionId);
        if (r == null || !r.article.id.equals(a.id)) {
            throw new NotFoundException();
        }
        ArticleRevision.of(a, editor.username).persist();
        a.headline = r.headline;
        a.standfirst = r.standfirst;
        a.body = r.body;
        a.bodyHtml = markdown.article(r.body);
        a.heroUrl = r.heroUrl;
        a.heroAlt = r.heroAlt;
        a.heroCaption = r.heroCaption;
        a.heroCredit = r.heroCredit;
        a.section = r.section;
        a.author = r.author;
        a.commentsOpen = r.commentsOpen;
        a.commentsKeepOpen = r.commentsKeepOpen;
        a.updatedAt = Instant.now();
        return a;
    }

    public Article setHero(long id, Image image, User editor) {
        Article a = article(id);
        ArticleRevision.of(a, editor.username).persist();
        a.heroUrl = image.url();
        a.updatedAt = Instant.now();
        return a;
    }

    /**
     * Publishes every scheduled article whose time has come. One conditional UPDATE: when several instances run
     * the job at once, each row changes once and a second run finds nothing left to do.
     */
    @Transactional
    public int publishDue() {
        return em.createNativeQuery("update article set status = 'PUBLISHED', updated_at = published_at"
                + " where status = 'SCHEDULED' and published_at <= now()").executeUpdate();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ArticleRevision> history(long id) {
        return ArticleRevision.history(article(id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Article article(long id) {
        Article a = Article.findById(id);
        if (a == null) {
            throw new NotFoundException();
        }
        return a;
    }

    private Map<String, String> check(ArticleForm form) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (ConstraintViolation<ArticleForm> v : validator.validate(form)) {
            errors.putIfAbsent(v.getPropertyPath().toString(), v.getMessage());
        }
        if (form.sectionId() != null && Section.findById(form.sectionId()) == null) {
            errors.putIfAbsent("sectionId", "Choose a section.");
        }
        if (form.authorId() != null && Author.findById(form.authorId()) == null) {
            errors.putIfAbsent("authorId", "Choose an author.");
        }
        return errors;
    }

    private static void refuseIf(Map<String, String> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidForm(errors);
        }
    }

    private void apply(Article a, ArticleForm form, User editor) {
        a.headline = form.headline().strip();
        a.standfirst = form.standfirst().strip();
        a.body = form.body();
        a.bodyHtml = markdown.article(form.body());
        a.section = Section.findById(form.sectionId());
        a.author = form.authorId() != null ? Author.findById(form.authorId()) : authorFor(editor);
        a.heroAlt = blankToNull(form.heroAlt());
        a.heroCaption = blankToNull(form.heroCaption());
        a.heroCredit = blankToNull(form.heroCredit());
        a.commentsOpen = form.commentsOpen();
        a.commentsKeepOpen = form.commentsOpen() && form.commentsKeepOpen();
    }

    /** Once readers may have the old address, it keeps working: a redirect to the new slug. */
    private void changeSlug(Article a, String slug) {
        if (slug.equals(a.slug)) {
            return;
        }
        boolean wasPublic = a.publishedAt != null
                && (a.status == ArticleStatus.PUBLISHED || a.status == ArticleStatus.UNPUBLISHED);
        SlugRedirect.delete("oldSlug", slug);
        if (wasPublic && SlugRedirect.findById(a.slug) == null) {
            SlugRedirect r = new SlugRedirect();
            r.oldSlug = a.slug;
            r.article = a;
            r.persist();
        }
        a.slug = slug;
    }

    private boolean slugFree(String slug, Long articleId) {
        boolean usedByArticle = articleId == null ? Article.count("slug", slug) > 0
                : Article.count("slug = ?1 and id <> ?2", slug, articleId) > 0;
        boolean usedByRedirect = articleId == null ? SlugRedirect.count("oldSlug", slug) > 0
                : SlugRedirect.count("oldSlug = ?1 and article.id <> ?2", slug, articleId) > 0;
        return !usedByArticle && !usedByRedirect;
    }

    private String freeSlug(String base) {
        String slug = base;
        for (int i = 2; !slugFree(slug, null); i++) {
            slug = base + "-" + i;
        }
        return slug;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
