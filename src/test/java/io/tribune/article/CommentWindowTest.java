package io.tribune.article;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.tribune.demo.DemoContentAccess;
import io.tribune.testsupport.Fixtures;
import io.tribune.testsupport.Sessions;
import jakarta.inject.Inject;

/**
 * An article's comments are open until a date (the age rule), kept open by a person, or closed by a person; the
 * article page, its blurb, the desk and the API all tell the same state, and an explicit reopen beats the age rule.
 */
@QuarkusTest
class CommentWindowTest {

    @Inject
    Fixtures fixtures;

    @Inject
    CommentWindow window;

    @Test
    void anArticleOlderThanTheLimitIsClosedEverywhereAndReopeningOpensIt() {
        Article article = publishedDaysAgo("Old story", 40);
        given().get("/articles/" + article.slug).then().statusCode(200)
                .body(containsString("Comments are closed"))
                .body(not(containsString("Comments are welcome")))
                .body(not(containsString("Comments close on")));
        given().get("/api/articles/" + article.slug).then().body("commentsOpen", equalTo(false));

        Sessions.Session moderator = Sessions.newUser("window-mod", "moderator");
        moderator.form().formParam("state", "open").formParam("back", "reported")
                .post("/admin/threads/" + article.slug).then().statusCode(303);

        given().get("/articles/" + article.slug).then().statusCode(200)
                .body(not(containsString("Comments are closed")))
                .body(containsString("Comments are welcome"))
                .body(not(containsString("Comments close on")));
        given().get("/api/articles/" + article.slug).then().body("commentsOpen", equalTo(true));
        Sessions.Session reader = Sessions.newUser("window-reader");
        reader.form().formParam("article", article.slug).formParam("body", "Still worth discussing")
                .post("/comments").then().statusCode(303);
        assertEquals(1, QuarkusTransaction.requiringNew()
                .call(() -> Article.<Article>findById(article.id).commentCount));

        Sessions.Session editor = Sessions.newUser("window-editor", "editor");
        editor.given().get("/admin/articles/" + article.id).then().statusCode(200)
                .body(containsString("value=\"open\" checked"))
                .body(containsString("comments are open."));
    }

    @Test
    void aRecentArticleSaysWhenItsCommentsClose() {
        Article article = publishedDaysAgo("Recent story", 5);
        Article stored = QuarkusTransaction.requiringNew().call(() -> Article.<Article>findById(article.id));
        Instant closes = window.closesAt(stored);
        assertEquals(stored.publishedAt.plus(Duration.ofDays(30)), closes);
        String closesToTheSecond = closes.truncatedTo(ChronoUnit.SECONDS).toString().replace("Z", "");
        given().get("/articles/" + article.slug).then().statusCode(200)
                .body(containsString("Comments close on <time datetime=\"" + closesToTheSecond))
                .body(not(containsString("Comments are closed")));
    }

    @Test
    void theDeskClosesKeepsOpenAndRestoresTheCommentState() {
        Article article = publishedDaysAgo("Desk story", 45);
        Sessions.Session editor = Sessions.newUser("window-desk", "editor");
        String page = editor.given().get("/admin/articles/" + article.id).then().statusCode(200)
                .body(containsString("value=\"auto\" checked"))
                .body(containsString("comments are closed.")).extract().asString();
        assertTrue(page.contains("30 days after publication"), page);

        save(editor, article, "open");
        Article kept = QuarkusTransaction.requiringNew().call(() -> Article.<Article>findById(article.id));
        assertTrue(kept.commentsOpen && kept.commentsKeepOpen);
        assertTrue(window.isOpen(kept));
        given().get("/articles/" + article.slug).then().body(not(containsString("Comments are closed")));

        save(editor, article, "closed");
        Article closed = QuarkusTransaction.requiringNew().call(() -> Article.<Article>findById(article.id));
        assertFalse(closed.commentsOpen || closed.commentsKeepOpen);
        given().get("/articles/" + article.slug).then().body(containsString("Comments are closed"));
    }

    @Test
    void theDemoFlagshipStoryIsOpenThoughItsDateIsOld() {
        String slug = DemoContentAccess.flagshipSlug();
        given().get("/articles/" + slug).then().statusCode(200)
                .body(not(containsString("Comments are closed")))
                .body(containsString("Comments are welcome"));
        given().get("/api/articles/" + slug).then().body("commentsOpen", equalTo(true));
    }

    private void save(Sessions.Session editor, Article article, String comments) {
        editor.form().formParam("headline", article.headline).formParam("slug", article.slug)
                .formParam("sectionId", String.valueOf(QuarkusTransaction.requiringNew()
                        .call(() -> Article.<Article>findById(article.id).section.id)))
                .formParam("standfirst", article.standfirst).formParam("body", article.body)
                .formParam("commentsOpen", comments).formParam("action", "save")
                .post("/admin/articles/" + article.id).then().statusCode(303);
    }

    private Article publishedDaysAgo(String headline, int days) {
        Article article = fixtures.article(headline);
        Instant at = Instant.now().minus(Duration.ofDays(days));
        QuarkusTransaction.requiringNew().run(() -> {
            Article a = Article.findById(article.id);
            a.publishedAt = at;
            a.updatedAt = at;
        });
        article.publishedAt = at;
        return article;
    }
}
