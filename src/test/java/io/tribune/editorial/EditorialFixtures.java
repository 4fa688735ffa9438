package io.tribune.editorial;

import java.time.Instant;

import io.tribune.account.User;
import io.tribune.article.Article;
import io.tribune.article.ArticleStatus;
import io.tribune.article.Section;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Test data for the desk: users with roles, published articles written through the service. */
@ApplicationScoped
public class EditorialFixtures {

    @Inject
    EditorialService editorial;
    @Inject
    EntityManager em;

    @Transactional
    public User user(String username, String roles) {
        return User.findByUsername(username).orElseGet(() -> {
            User u = new User();
            u.username = username;
            u.displayName = "Display " + username;
            u.email = username + "@example.test";
            u.emailVerifiedAt = Instant.now();
            u.roles = roles;
            u.persist();
            return u;
        });
    }

    /** A published article in a section, written through the desk's service. */
    public Article published(User editor, String section, String headline, String standfirst, String body) {
        long sectionId = Section.findBySlug(section).orElseThrow().id;
        Article a = editorial.create(new ArticleForm(headline, "", sectionId, null, standfirst, body, "", "", "",
                true), editor);
        return editorial.publishNow(a.id);
    }

    @Transactional
    public Article reload(long id) {
        Article a = Article.findById(id);
        a.section.name.length();
        a.author.name.length();
        a.updates.size();
        return a;
    }

    /** Moves a scheduled article's time into the past, as if the clock had moved on. */
    @Transactional
    public void makeDue(long id) {
        Article a = Article.findById(id);
        if (a.status != ArticleStatus.SCHEDULED) {
            throw new AssertionError("not scheduled: " + a.status);
        }
        a.publishedAt = Instant.now().minusSeconds(5);
    }

    @Transactional
    public long sectionId(String slug) {
        return Section.findBySlug(slug).orElseThrow().id;
    }

    @Transactional
    public long articleCount() {
        return Article.count();
    }

    @Transactional
    public Long authorOf(String username) {
        return io.tribune.article.Author.findByUser(User.findByUsername(username).orElseThrow().id)
                .map(a -> a.id).orElse(null);
    }

    @Transactional
    public long revisionCount(long id) {
        return ArticleRevision.count("article.id", id);
    }
}
