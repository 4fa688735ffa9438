package io.tribune.comment;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.tribune.account.User;
import io.tribune.account.UserStatus;
import io.tribune.article.Article;
import io.tribune.testsupport.Fixtures;
import io.tribune.testsupport.HtmlValidator;
import io.tribune.testsupport.Sessions;
import io.tribune.testsupport.Sessions.Session;
import jakarta.inject.Inject;

/**
 * A comment's earlier versions: its author and the moderators reach them from an "Edit history" link on the comment
 * (on the shared logged-in page and on a personal render) and from the moderation queues; nobody else can read them.
 */
@QuarkusTest
class CommentHistoryTest {

    @Inject
    Fixtures fixtures;
    @Inject
    CommentService comments;

    private record Edited(Article article, Comment comment, Session author) {
    }

    private Edited editedTwice() {
        Session author = Sessions.newUser("hist");
        Article article = fixtures.article("History " + System.nanoTime());
        User user = User.findByUsername(author.username()).orElseThrow();
        Comment comment = fixtures.comment(article, null, user, "First *draft* of my point");
        comments.edit(user.id, comment.id, "Second draft of my point");
        comments.edit(user.id, comment.id, "Final version of my point");
        return new Edited(article, comment, author);
    }

    @Test
    void theAuthorReadsEveryEarlierVersionNewestFirst() {
        Edited e = editedTwice();
        Response r = e.author().given().get("/comments/" + e.comment().id + "/history");
        assertEquals(200, r.statusCode());
        assertEquals("no-store", r.header("Cache-Control"));
        String html = r.asString();
        assertTrue(html.contains("Final version of my point"), "the current text");
        int second = html.indexOf("Second draft of my point");
        int first = html.indexOf("First <em>draft</em> of my point");
        assertTrue(second > 0 && first > second, "both earlier versions, rendered, newest first");
        HtmlValidator.assertValid("/comments/{id}/history", html);
    }

    @Test
    void theAuthorAndModeratorsGetTheLinkOthersDoNot() {
        Edited e = editedTwice();
        String link = "href=\"/comments/" + e.comment().id + "/history\"";
        Session moderator = Sessions.newUser("histmod", "moderator");
        Session other = Sessions.newUser("histother");
        // the logged-in page is shared and cut per reader: the link is in each reader's own controls
        assertTrue(page(e.author(), e.article()).contains(link), "the author sees the link");
        assertTrue(page(moderator, e.article()).contains(link), "a moderator sees the link");
        assertFalse(page(other, e.article()).contains(link), "another commenter does not");
        assertFalse(given().get("/articles/" + e.article().slug).asString().contains(link), "nor an anonymous reader");
        assertTrue(given().get("/articles/" + e.article().slug).asString().contains("class=\"edited\""),
                "everyone still sees that it was edited");
        assertEquals(403, other.given().get("/comments/" + e.comment().id + "/history").statusCode());
        assertEquals(200, moderator.given().get("/comments/" + e.comment().id + "/history").statusCode());
        Response anonymous = given().redirects().follow(false).get("/comments/" + e.comment().id + "/history");
        assertTrue(anonymous.statusCode() == 302 || anonymous.statusCode() == 303, "anonymous readers are sent to log in");
        assertFalse(anonymous.asString().contains("Second draft"));
    }

    @Test
    void aSuspendedModeratorLosesAccessAndASuspendedAuthorKeepsIt() {
        Edited e = editedTwice();
        Session moderator = Sessions.newUser("histsusp", "moderator");
        suspend(moderator.username());
        suspend(e.author().username());
        assertEquals(403, moderator.given().get("/comments/" + e.comment().id + "/history").statusCode());
        assertFalse(page(moderator, e.article()).contains("/comments/" + e.comment().id + "/history"));
        assertEquals(200, e.author().given().get("/comments/" + e.comment().id + "/history").statusCode(),
                "their own data stays theirs to read");
    }

    @Test
    void moderatorsSeeTheHistoryFromTheQueues() {
        Edited e = editedTwice();
        Session moderator = Sessions.newUser("histq", "moderator");
        Session reporter = Sessions.newUser("histrep");
        reporter.form().formParam("reason", "SPAM").formParam("note", "").post("/comments/" + e.comment().id + "/report");
        String queue = moderator.given().get("/admin/queues/reported").asString();
        assertTrue(queue.contains("id=\"q" + e.comment().id + "\""), "the reported comment is in the queue");
        assertTrue(queue.contains("href=\"/comments/" + e.comment().id + "/history\""), "with its edit history");
    }

    @Test
    void theExportCarriesTheEarlierVersionsOldestFirst() {
        Edited e = editedTwice();
        e.author().given().get("/settings/export").then().statusCode(200)
                .body("comments.find { it.id == " + e.comment().id + " }.revisions.body",
                        org.hamcrest.Matchers.contains("First *draft* of my point", "Second draft of my point"));
    }

    @Test
    void aCommentNeverEditedHasNoHistoryLink() {
        Session author = Sessions.newUser("histnone");
        Article article = fixtures.article("No history " + System.nanoTime());
        Comment comment = fixtures.comment(article, null, User.findByUsername(author.username()).orElseThrow(), "As written");
        assertFalse(page(author, article).contains("/comments/" + comment.id + "/history"));
        assertTrue(author.given().get("/comments/" + comment.id + "/history").asString().contains("has not been edited"));
    }

    private static String page(Session session, Article article) {
        return session.given().get("/articles/" + article.slug).asString();
    }

    private static void suspend(String username) {
        QuarkusTransaction.requiringNew().run(() -> {
            User u = User.findByUsername(username).orElseThrow();
            u.status = UserStatus.SUSPENDED;
            u.suspendedUntil = Instant.now().plus(Duration.ofDays(7));
        });
    }
}
