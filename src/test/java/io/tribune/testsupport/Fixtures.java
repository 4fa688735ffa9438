package io.tribune.testsupport;

import java.time.Instant;
import java.util.UUID;

import io.tribune.account.User;
import io.tribune.article.Article;
import io.tribune.article.ArticleStatus;
import io.tribune.article.Author;
import io.tribune.article.Section;
import io.tribune.comment.Comment;
import io.tribune.comment.CommentStatus;
import io.tribune.markdown.MarkdownRenderer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Builds test data in the real database, each call in its own transaction. */
@ApplicationScoped
public class Fixtures {

    @Inject
    MarkdownRenderer markdown;

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Transactional
    public Article article(String headline) {
        Article a = new Article();
        a.slug = unique("test-article");
        a.headline = headline;
        a.standfirst = "Standfirst of " + headline;
        a.body = "Body of **" + headline + "**.";
        a.bodyHtml = markdown.article(a.body);
        a.section = Section.findBySlug("news").orElseThrow();
        a.author = Author.<Author>findAll().firstResult();
        a.status = ArticleStatus.PUBLISHED;
        a.publishedAt = Instant.now().minusSeconds(3600);
        a.updatedAt = a.publishedAt;
        a.persist();
        return a;
    }

    @Transactional
    public User user(String username) {
        User u = new User();
        u.username = username;
        u.displayName = "Display " + username;
        u.email = username + "@example.test";
        u.emailVerifiedAt = Instant.now();
        u.persist();
        return u;
    }

    @Transactional
    public Comment comment(Article article, Comment parent, User author, String body) {
        return comment(article, parent, author, body, CommentStatus.VISIBLE);
    }

    @Transactional
    public Comment comment(Article article, Comment parent, User author, String body, CommentStatus status) {
        Comment c = new Comment();
        c.article = Article.findById(article.id);
        c.author = User.findById(author.id);
        c.body = body;
        c.bodyHtml = markdown.comment(body);
        c.status = status;
        c.createdAt = Instant.now();
        if (parent != null) {
            c.parentId = parent.id;
            c.rootId = parent.rootId;
            c.depth = (short) Math.min(parent.depth + 1, 6);
        }
        c.persist();
        if (parent == null) {
            c.rootId = c.id;
        }
        if (status == CommentStatus.VISIBLE) {
            c.article.commentCount++;
        }
        c.article.threadVersion++; // as the app does: cached thread HTML must not outlive this change
        return c;
    }

    /** Many comments quickly: a third top-level, the rest replies spread over them. */
    @Transactional
    public void comments(Article article, User author, int count) {
        Comment lastRoot = null;
        for (int i = 0; i < count; i++) {
            Comment parent = i % 3 == 0 ? null : lastRoot;
            Comment c = comment(article, parent, author, "Generated comment " + i);
            if (parent == null) {
                lastRoot = c;
            }
        }
    }

    /** Sets a comment's counter directly: for ordering tests that do not exercise voting itself. */
    @Transactional
    public void setVotes(Comment comment, int votes) {
        Comment c = Comment.findById(comment.id);
        c.voteCount = votes;
        c.article.threadVersion++;
    }

    /** A verified user with this exact username, created once (for {@code @TestSecurity(user = ...)}). */
    @Transactional
    public User namedUser(String username) {
        return User.findByUsername(username).orElseGet(() -> user(username));
    }

    @Transactional
    public User unverifiedUser(String username) {
        User u = user(username);
        u.emailVerifiedAt = null;
        return u;
    }

    /** Moves a comment back in time, for edit windows and flood control. */
    @Transactional
    public void age(Comment comment, java.time.Duration by) {
        Comment c = Comment.findById(comment.id);
        c.createdAt = c.createdAt.minus(by);
    }

    /** Moves all of a user's comments back in time, so the next post is not flood-limited. */
    @Transactional
    public void ageAllBy(User user, java.time.Duration by) {
        Comment.getEntityManager()
                .createNativeQuery("update comment set created_at = created_at - make_interval(secs => ?1) where author_id = ?2")
                .setParameter(1, (double) by.toSeconds()).setParameter(2, user.id).executeUpdate();
    }

    @Transactional
    public void closeComments(Article article) {
        Article a = Article.findById(article.id);
        a.commentsOpen = false;
    }

    @Transactional
    public void publishedDaysAgo(Article article, int days) {
        Article a = Article.findById(article.id);
        a.publishedAt = Instant.now().minus(java.time.Duration.ofDays(days));
    }

    @Transactional
    public Article reload(Article article) {
        return Article.findById(article.id);
    }

    @Transactional
    public Comment reload(Comment comment) {
        return Comment.findById(comment.id);
    }

    @Transactional
    public long votesOn(Comment comment) {
        return io.tribune.vote.Vote.count("key.commentId", comment.id);
    }
}
