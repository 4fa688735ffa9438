package io.tribune.importer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.tribune.account.User;
import io.tribune.article.Article;
import io.tribune.testsupport.Fixtures;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** WordPress and Disqus fixtures (src/test/resources/import/) imported through {@link Importer}. */
@QuarkusTest
class ImportTest {

    static final Path WORDPRESS = Path.of("src/test/resources/import/wordpress.xml");
    static final Path DISQUS = Path.of("src/test/resources/import/disqus.xml");
    static final String MATCHED_SLUG = "disqus-matched-story";

    @Inject
    Importer importer;

    @Inject
    EntityManager em;

    @Inject
    Fixtures fixtures;

    ImportReport wordpress() throws ImportFailure {
        return importer.run(ImportKind.WORDPRESS, WORDPRESS, false, Importer.Progress.NONE);
    }

    /** The article a Disqus thread is matched to by the path of its URL. */
    void matchedArticle() {
        boolean exists = QuarkusTransaction.requiringNew().call(() -> Article.count("slug", MATCHED_SLUG) > 0);
        if (!exists) {
            Article a = fixtures.article("A story matched by its URL");
            QuarkusTransaction.requiringNew().run(() -> Article.update("slug = ?1 where id = ?2", MATCHED_SLUG, a.id));
        }
    }

    List<Object[]> rows(String sql, Object... parameters) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var q = em.createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                q.setParameter(i + 1, parameters[i]);
            }
            @SuppressWarnings("unchecked")
            List<Object[]> r = q.getResultList();
            return r;
        });
    }

    long count(String sql, Object... parameters) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var q = em.createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                q.setParameter(i + 1, parameters[i]);
            }
            return ((Number) q.getSingleResult()).longValue();
        });
    }

    /** Local comment id of a source comment. */
    long local(String kind, String sourceId) {
        return count("select local_id from import_source where kind = ?1 and entity = 'comment' and source_id = ?2", kind,
                sourceId);
    }

    /** (parent id, root id, depth, author display name, body_html) of a comment. */
    Object[] comment(long id) {
        return rows("select c.parent_id, c.root_id, c.depth, u.display_name, c.body_html, c.created_at, u.unclaimed"
                + " from comment c join app_user u on u.id = c.author_id where c.id = ?1", id).get(0);
    }

    long tableRows() {
        return count("select (select count(*) from article) + (select count(*) from comment) + (select count(*) from"
                + " app_user) + (select count(*) from import_source) + (select count(*) from section) + (select count(*)"
                + " from author)");
    }

    @Test
    void wordpressPostsCategoriesAuthorsAndApprovedCommentsComeOverThreaded() throws ImportFailure {
        wordpress();
        Article article = QuarkusTransaction.requiringNew().call(() -> {
            Article a = Article.<Article>find("slug", "cafe-robots-wxr-fixture").firstResult();
            a.section.name.length(); // loaded in the transaction
            a.author.name.length();
            return a;
        });
        assertEquals("Café robots: 日本 goes “fully automatic”", article.headline);
        assertEquals("Robots pour coffee: the future is here.", article.standfirst);
        assertEquals("Gadgets & Gizmos", article.section.name);
        assertEquals("wp-gadgets", article.section.slug);
        assertEquals("Aroha Ngata-Müller", article.author.name);
        assertEquals(java.time.Instant.parse("2021-03-01T09:30:00Z"), article.publishedAt);
        // the body is Markdown rendered and sanitized as every article is: no script, no handler, no javascript: link
        assertFalse(article.bodyHtml.contains("<script"), article.bodyHtml);
        assertFalse(article.bodyHtml.contains("wxr-script"), article.bodyHtml);
        assertFalse(article.bodyHtml.contains("onerror"), article.bodyHtml);
        assertFalse(article.bodyHtml.contains("javascript:"), article.bodyHtml);
        assertTrue(article.bodyHtml.contains("<strong>flat white</strong>"), article.bodyHtml);
        assertTrue(article.bodyHtml.contains("href=\"https://example.org/cafe\""), article.bodyHtml);
        assertTrue(article.bodyHtml.contains("<img src=\"https://old.example/robot.jpg\" alt=\"A robot\""), article.bodyHtml);
        assertTrue(article.body.contains("Plain text line one\\\nline two"), article.body);

        // threads three deep, with their dates; the reply to the unapproved comment hangs under its parent's parent
        long zoe = local("wordpress", "9001");
        long claire = local("wordpress", "9002");
        long ned = local("wordpress", "9003");
        long deep = local("wordpress", "9004");
        long orphan = local("wordpress", "9007");
        Object[] top = comment(zoe);
        assertNull(top[0]);
        assertEquals(zoe, ((Number) top[1]).longValue());
        assertEquals("Zoë Ünïcode", top[3]);
        assertTrue(((String) top[4]).contains("日本語もOK ☕"), (String) top[4]);
        assertEquals(java.time.Instant.parse("2021-03-01T10:00:00Z"), (java.time.Instant) top[5]);
        assertEquals(true, top[6]);
        assertEquals(List.of(zoe, zoe, 1), parentRootDepth(claire));
        assertEquals(List.of(claire, zoe, 2), parentRootDepth(ned));
        assertEquals(List.of(ned, zoe, 3), parentRootDepth(deep));
        assertEquals(List.of(zoe, zoe, 1), parentRootDepth(orphan));
        assertTrue(((String) comment(claire)[4]).contains("<p>A second paragraph with *stars* and <strong>bold</strong>.</p>"),
                (String) comment(claire)[4]);
        String scripted = (String) comment(ned)[4];
        assertFalse(scripted.contains("<script") || scripted.contains("comment-script") || scripted.contains("javascript"),
                scripted);
        // one commenter per email address, whatever its case; a commenter without one gets an account of their own
        assertEquals(comment(zoe)[3], comment(deep)[3]);
        assertEquals(1, count("select count(*) from app_user where lower(email) = 'zoe.wxr@example.test'"));
        assertEquals(1, count("select count(*) from app_user where display_name = 'Nameless Ned' and email is null"
                + " and password_hash is null and unclaimed"));

        // unapproved, spam, trashed, on a page: not imported
        for (String text : List.of("Unapproved comment", "Spam comment", "Trashed comment", "A comment on a page")) {
            assertEquals(0, count("select count(*) from comment where body like ?1", text + "%"), text);
        }
        assertEquals(0, count("select count(*) from article where slug in ('about-wxr-fixture', 'robot-jpg')"));
        // five from WordPress (one more once the Disqus test has run): the stored count is the visible comments'
        long visible = count("select count(*) from comment c join article a on a.id = c.article_id"
                + " where a.slug = 'cafe-robots-wxr-fixture' and c.status = 'VISIBLE'");
        assertTrue(visible >= 5, "visible " + visible);
        assertEquals(visible, count("select comment_count from article where slug = 'cafe-robots-wxr-fixture'"));

        // the anonymous page shows them (the cache was told), escaped and threaded
        given().get("/articles/cafe-robots-wxr-fixture").then().statusCode(200)
                .body(containsString("Depth three: a reply to Ned."))
                .body(containsString("Zoë Ünïcode"))
                .body(not(containsString("comment-script")))
                .body(not(containsString("Unapproved comment")));
    }

    List<Object> parentRootDepth(long id) {
        Object[] c = comment(id);
        return List.of(((Number) c[0]).longValue(), ((Number) c[1]).longValue(), ((Number) c[2]).intValue());
    }

    @Test
    void theReportCountsWhatWasCreatedSkippedAndUnreadableWithLineNumbers() throws ImportFailure {
        wordpress(); // whichever test ran first, the second run of a file reports only what was there already
        ImportReport again = wordpress();
        assertEquals(0, again.created("articles", false));
        assertEquals(3, again.created("articles", true));
        assertEquals(0, again.created("comments", false));
        assertEquals(5, again.created("comments", true));
        Map<String, Integer> skipped = again.skipped();
        assertEquals(1, skipped.get("unapproved comment"));
        assertEquals(1, skipped.get("spam comment"));
        assertEquals(1, skipped.get("trash comment"));
        assertEquals(1, skipped.get("page"));
        assertEquals(1, skipped.get("attachment"));
        assertEquals(1, skipped.get("unpublished post (draft)"));
        assertEquals(1, again.unreadableCount());
        assertEquals("line 193: comment 9201: it has no date", again.unreadable().get(0));
        assertTrue(String.join("\n", again.lines()).contains("line 193: comment 9201"));
    }

    @Test
    void importingTheSameFilesTwiceAddsNothing() throws ImportFailure {
        matchedArticle();
        wordpress();
        importer.run(ImportKind.DISQUS, DISQUS, false, Importer.Progress.NONE);
        long before = tableRows();
        long touched = count("select thread_version from article where slug = ?1", MATCHED_SLUG);
        ImportReport wp = wordpress();
        ImportReport disqus = importer.run(ImportKind.DISQUS, DISQUS, false, Importer.Progress.NONE);
        assertEquals(before, tableRows());
        assertEquals(0, wp.created("comments", false) + wp.created("articles", false) + wp.created("commenters", false)
                + wp.created("sections", false) + wp.created("authors", false));
        assertEquals(0, disqus.created("comments", false) + disqus.created("commenters", false));
        assertEquals(6, disqus.created("comments", true));
        assertEquals(touched, count("select thread_version from article where slug = ?1", MATCHED_SLUG));
    }

    @Test
    void disqusThreadsMatchArticlesByUrlOrWordPressIdAndPostsComeOverThreaded() throws ImportFailure {
        matchedArticle();
        wordpress();
        ImportReport report = importer.run(ImportKind.DISQUS, DISQUS, false, Importer.Progress.NONE);
        long top = local("disqus", "7001");
        long one = local("disqus", "7002");
        long two = local("disqus", "7003");
        long three = local("disqus", "7004");
        assertEquals(List.of(top, top, 1), parentRootDepth(one));
        assertEquals(List.of(one, top, 2), parentRootDepth(two)); // listed before its parent in the file
        assertEquals(List.of(two, top, 3), parentRootDepth(three));
        assertEquals("Anon Ana", comment(top)[3]);
        long article = count("select id from article where slug = ?1", MATCHED_SLUG);
        assertEquals(article, count("select article_id from comment where id = ?1", top));
        assertEquals(count("select count(*) from comment where article_id = ?1 and status = 'VISIBLE'", article),
                count("select comment_count from article where slug = ?1", MATCHED_SLUG));
        assertEquals(5, count("select count(*) from comment where article_id = ?1", article));
        String scripted = (String) comment(local("disqus", "7009"))[4];
        assertTrue(scripted.contains("Ünïcode ✓"), scripted);
        assertFalse(scripted.contains("<script") || scripted.contains("disqus-script") || scripted.contains("onerror"),
                scripted);
        // matched by the WordPress post id in the Disqus identifier; the same commenter by email
        long claireOnDisqus = local("disqus", "7008");
        assertEquals(count("select id from article where slug = 'cafe-robots-wxr-fixture'"),
                count("select article_id from comment where id = ?1", claireOnDisqus));
        assertEquals(count("select author_id from comment where id = ?1", local("wordpress", "9002")),
                count("select author_id from comment where id = ?1", claireOnDisqus));
        // deleted, spam and unmatched: skipped and said
        for (String text : List.of("Deleted post", "Spam post", "A post on a thread")) {
            assertEquals(0, count("select count(*) from comment where body like ?1", text + "%"), text);
        }
        assertEquals(1, report.unmatchedCount());
        assertTrue(report.unmatchedThreads().get(0).startsWith("line 32: thread 5003"), report.unmatchedThreads().get(0));
        given().get("/articles/" + MATCHED_SLUG).then().statusCode(200).body(containsString("Disqus depth three."))
                .body(containsString("Anon Ana")).body(not(containsString("disqus-script")));
    }

    @Test
    void aMalformedFileFailsWithItsLineNumberAndWritesNothing() {
        long before = tableRows();
        ImportFailure failure = assertThrows(ImportFailure.class, () -> importer.run(ImportKind.WORDPRESS,
                Path.of("src/test/resources/import/malformed.xml"), false, Importer.Progress.NONE));
        assertTrue(failure.getMessage().startsWith("Line 15, column"), failure.getMessage());
        assertTrue(failure.getMessage().contains("Nothing was imported"), failure.getMessage());
        assertEquals(before, tableRows());
        assertEquals(0, count("select count(*) from article where slug = 'malformed-fixture-would-import'"));
    }

    @Test
    void anXxeAttemptIsRefusedAndWritesNothing() {
        long before = tableRows();
        ImportFailure failure = assertThrows(ImportFailure.class, () -> importer.run(ImportKind.WORDPRESS,
                Path.of("src/test/resources/import/xxe.xml"), false, Importer.Progress.NONE));
        assertTrue(failure.getMessage().contains("DOCTYPE"), failure.getMessage());
        assertFalse(failure.getMessage().contains("root:"), failure.getMessage());
        assertEquals(before, tableRows());
    }

    @Test
    void theWrongKindOfFileOrAMissingOneIsRefused() {
        ImportFailure wrong = assertThrows(ImportFailure.class, () -> importer.run(ImportKind.WORDPRESS, DISQUS, false,
                Importer.Progress.NONE));
        assertEquals("This is not a WordPress export (WXR): its root element is <disqus>, not <rss>. Nothing was imported.",
                wrong.getMessage());
        ImportFailure missing = assertThrows(ImportFailure.class, () -> importer.run(ImportKind.DISQUS,
                Path.of("no/such/file.xml"), false, Importer.Progress.NONE));
        assertEquals("No such file: no/such/file.xml. Nothing was imported.", missing.getMessage());
    }

    @Test
    void aDryRunWritesNothing() throws ImportFailure {
        long before = tableRows();
        ImportReport report = importer.run(ImportKind.DISQUS, DISQUS, true, Importer.Progress.NONE);
        assertTrue(report.dryRun());
        assertEquals(before, tableRows());
        assertEquals(1, report.skipped().get("deleted post"));
    }

    @Test
    void importedCommentersCannotLogInAndAreToldNothing() throws ImportFailure {
        wordpress();
        User ned = QuarkusTransaction.requiringNew().call(() -> User.<User>find("displayName", "Nameless Ned").firstResult());
        assertTrue(ned.unclaimed);
        assertNull(ned.passwordHash);
        assertTrue(ned.username.startsWith("imported-"));
        // the log-in form says what it says to a wrong password
        String wrong = io.tribune.testsupport.Sessions.csrf("/login").form().formParam("login", "zoe.wxr@example.test")
                .formParam("password", "anything at all").post("/login").then().extract().asString();
        String unknown = io.tribune.testsupport.Sessions.csrf("/login").form().formParam("login", "nobody-" + System.nanoTime()
                + "@example.test").formParam("password", "anything at all").post("/login").then().extract().asString();
        assertTrue(wrong.contains("Wrong") || wrong.contains("wrong") || wrong.contains("incorrect"), wrong);
        assertEquals(message(unknown), message(wrong));
        // their profile page shows their name and comments, not a sanction
        given().get("/users/" + ned.username).then().statusCode(200).body(containsString("Nameless Ned"))
                .body(not(containsString("suspended")));
    }

    @Test
    void importedCommentsAreModeratedLikeAnyAndTheirAuthorsAreToldNothing() throws ImportFailure {
        matchedArticle();
        importer.run(ImportKind.DISQUS, DISQUS, false, Importer.Progress.NONE);
        long id = local("disqus", "7009");
        long author = count("select author_id from comment where id = ?1", id);
        long visible = count("select comment_count from article where slug = ?1", MATCHED_SLUG);
        io.tribune.testsupport.Sessions.Session moderator = io.tribune.testsupport.Sessions.newUser("import-mod", "moderator");
        moderator.given().header("X-CSRF-TOKEN", moderator.csrfToken()).contentType(io.restassured.http.ContentType.JSON)
                .body("{\"reason\":\"abusive\"}").post("/api/admin/comments/" + id + "/remove").then().statusCode(200);
        assertEquals("REMOVED", rows("select status, 0 from comment where id = ?1", id).get(0)[0]);
        assertEquals(visible - 1, count("select comment_count from article where slug = ?1", MATCHED_SLUG));
        // the strike is recorded, but nobody is told: the account is nobody's yet
        assertEquals(1, count("select count(*) from moderation_action where target_user_id = ?1 and action = 'STRIKE'", author));
        assertEquals(0, count("select count(*) from notice where user_id = ?1", author));
        assertEquals(0, count("select count(*) from mail_outbox where user_id = ?1", author));
        given().get("/articles/" + MATCHED_SLUG).then().statusCode(200).body(not(containsString("Ünïcode ✓")));
    }

    private static String message(String page) {
        var m = java.util.regex.Pattern.compile("role=\"alert\"[^>]*>([^<]*)<").matcher(page);
        return m.find() ? m.group(1) : page;
    }
}
