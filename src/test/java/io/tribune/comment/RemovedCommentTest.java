package io.tribune.comment;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.tribune.account.User;
import io.tribune.article.Article;
import io.tribune.testsupport.Fixtures;
import io.tribune.testsupport.Sessions;
import jakarta.inject.Inject;

/**
 * A comment a moderator removed stays removed and restorable: its author can neither delete it (form or API) nor
 * edit it, and sees no control for either; nobody votes on it or reports it. A comment awaiting moderation cannot be
 * edited or voted on either, but its author may still withdraw (delete) it.
 */
@QuarkusTest
class RemovedCommentTest {

    static final String MODERATOR_PASSWORD = "demo-password-for-tests";

    @Inject
    Fixtures fixtures;

    Article article;
    Sessions.Session author;
    Sessions.Session reader;

    @BeforeEach
    void setUp() {
        article = fixtures.article("Removed comments " + System.nanoTime());
        author = Sessions.newUser("removedauthor");
        reader = Sessions.newUser("removedreader");
    }

    static RequestSpecification json(Sessions.Session s) {
        return s.given().header("X-CSRF-TOKEN", s.csrfToken()).contentType(ContentType.JSON);
    }

    /** A visible comment by the author, removed through the moderators' real API. */
    private Comment removedByAModerator(Sessions.Session moderator, String text) {
        Comment c = fixtures.comment(article, null, User.findByUsername(author.username()).orElseThrow(), text);
        // a reply keeps the removed comment in the thread as a placeholder line
        fixtures.comment(article, c, User.findByUsername(reader.username()).orElseThrow(), "A reply to " + text);
        json(moderator).body("{\"reason\": \"spam\", \"note\": \"link farm\"}")
                .post("/api/admin/comments/" + c.id + "/remove").then().statusCode(200).body("status", equalTo("REMOVED"));
        return c;
    }

    @Test
    void theAuthorCannotDeleteARemovedCommentWhichStaysRestorable() {
        Sessions.Session moderator = Sessions.login("moddy", MODERATOR_PASSWORD);
        Comment removed = removedByAModerator(moderator, "Buy cheap watches at example.test");

        author.given().get("/comments/" + removed.id + "/delete").then().statusCode(409)
                .body(containsString("A moderator removed this comment, so it cannot be deleted"))
                .body(not(containsString("Delete comment")));
        author.form().post("/comments/" + removed.id + "/delete").then().statusCode(409)
                .body(containsString("A moderator removed this comment, so it cannot be deleted"));
        json(author).delete("/api/comments/" + removed.id).then().statusCode(409)
                .contentType(containsString("json")).body("status", equalTo(409))
                .body("message", containsString("cannot be deleted"));
        assertEquals(CommentStatus.REMOVED, fixtures.reload(removed).status, "still removed, not deleted");

        author.given().get("/articles/" + article.slug).then().statusCode(200)
                .body(containsString("Comment removed by a moderator"))
                .body(not(containsString("/comments/" + removed.id + "/delete")))
                .body(not(containsString("/comments/" + removed.id + "/edit")));

        json(moderator).get("/api/admin/queues/removed").then().statusCode(200)
                .body("items.id", hasItem(removed.id.intValue()));
        json(moderator).body("{\"note\": \"it was a real shop\"}").post("/api/admin/comments/" + removed.id + "/restore")
                .then().statusCode(200).body("status", equalTo("VISIBLE"));
        assertEquals(CommentStatus.VISIBLE, fixtures.reload(removed).status);
        author.given().get("/articles/" + article.slug).then().statusCode(200)
                .body(containsString("/comments/" + removed.id + "/delete"));
    }

    @Test
    void removedAndPendingCommentsCannotBeEditedOrVotedOn() {
        User me = User.findByUsername(author.username()).orElseThrow();
        for (CommentStatus status : new CommentStatus[] { CommentStatus.REMOVED, CommentStatus.PENDING }) {
            Comment c = fixtures.comment(article, null, me, "Hidden as " + status, status);
            author.given().get("/comments/" + c.id + "/edit").then().statusCode(409)
                    .body(containsString("Only a visible comment can be edited"))
                    .body(not(containsString("Hidden as " + status)));
            author.form().formParam("body", "Sneaky edit").post("/comments/" + c.id + "/edit").then().statusCode(409)
                    .body(containsString("Only a visible comment can be edited"));
            json(author).body("{\"body\": \"Sneaky edit\"}").patch("/api/comments/" + c.id).then().statusCode(409)
                    .body("message", containsString("Only a visible comment can be edited"));
            reader.form().post("/comments/" + c.id + "/vote").then().statusCode(409);
            json(reader).put("/api/comments/" + c.id + "/vote").then().statusCode(409)
                    .body("message", containsString("can no longer be voted on"));
            Comment after = fixtures.reload(c);
            assertEquals("Hidden as " + status, after.body, status + ": the text is unchanged");
            assertEquals(0, fixtures.votesOn(c), status + ": no vote counted");
            assertEquals(status, after.status);
        }
    }

    @Test
    void aRemovedCommentCannotBeReported() {
        Comment removed = fixtures.comment(article, null, User.findByUsername(author.username()).orElseThrow(),
                "Removed before anyone reported it", CommentStatus.REMOVED);
        reader.given().get("/comments/" + removed.id + "/report").then().statusCode(404)
                .body(containsString("can no longer be reported"));
        reader.form().formParam("reason", "spam").post("/comments/" + removed.id + "/report").then().statusCode(404);
        assertEquals(0L, io.tribune.moderation.CommentReport.count("comment.id", removed.id), "no report stored");
    }

    @Test
    void theAuthorMayStillWithdrawACommentAwaitingModeration() {
        Comment held = fixtures.comment(article, null, User.findByUsername(author.username()).orElseThrow(),
                "Held for review", CommentStatus.PENDING);
        json(author).delete("/api/comments/" + held.id).then().statusCode(204);
        assertEquals(CommentStatus.DELETED, fixtures.reload(held).status);
    }

    @Test
    void noDeleteControlForARemovedComment() {
        Viewer viewer = new Viewer("alice", null, true, Set.of(), 15);
        for (CommentStatus status : CommentStatus.values()) {
            boolean offered = viewer.canDelete(node("alice", status));
            assertEquals(status == CommentStatus.VISIBLE || status == CommentStatus.PENDING, offered,
                    "Delete offered for a " + status + " comment");
        }
        assertFalse(viewer.canDelete(node("bob", CommentStatus.VISIBLE)), "never for someone else's comment");
        assertTrue(viewer.canDelete(node("ALICE", CommentStatus.VISIBLE)), "usernames compare ignoring case");
    }

    private static CommentNode node(String username, CommentStatus status) {
        User u = new User();
        u.username = username;
        u.displayName = username;
        Comment c = new Comment();
        c.id = 1L;
        c.author = u;
        c.status = status;
        c.body = "x";
        c.bodyHtml = "<p>x</p>";
        c.createdAt = Instant.now();
        return new CommentNode(c);
    }
}
