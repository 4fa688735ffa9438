package io.tribune.moderation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.tribune.account.User;
import io.tribune.account.UserStatus;
import io.tribune.article.Article;
import io.tribune.comment.Comment;
import io.tribune.comment.CommentStatus;
import io.tribune.testsupport.Fixtures;
import io.tribune.testsupport.Sessions;
import io.tribune.testsupport.Sessions.Session;
import jakarta.inject.Inject;

/**
 * Moderators and editors feature a visible comment (with a note) above the threads and stop featuring it; both are
 * in the audit log; the block is the same for everyone (anonymous and shared logged-in pages forget it when it
 * changes) and {@code ?sort=featured} lists the featured comments.
 */
@QuarkusTest
class FeaturingTest {

    @Inject
    Fixtures fixtures;
    @Inject
    ModerationFixtures mf;

    @Test
    void aFeaturedCommentShowsAboveTheThreadsForEveryoneAndInTheFeaturedSort() {
        Article article = fixtures.article("Featured block");
        User author = fixtures.user(Fixtures.unique("feat-author"));
        Comment plain = fixtures.comment(article, null, author, "An ordinary remark");
        Comment insightful = fixtures.comment(article, null, author, "A genuinely insightful remark");
        Comment reply = fixtures.comment(article, insightful, author, "A reply worth featuring too");
        Session reader = Sessions.newUser("feat-reader");
        // both page caches hold the page before the feature
        given().get("/articles/" + article.slug).then().statusCode(200).body(not(containsString("featured-comments")));
        reader.given().get("/articles/" + article.slug).then().statusCode(200).body(not(containsString("featured-comments")));

        Session moderator = Sessions.newUser("feat-mod", "moderator");
        moderator.form().formParam("note", "Explains the trade-off <well>").formParam("back", "article")
                .post("/admin/comments/" + insightful.id + "/feature").then().statusCode(303)
                .header("Location", containsString("/comments/" + insightful.id));
        Session editor = Sessions.newUser("feat-editor", "editor");
        editor.form().post("/admin/comments/" + reply.id + "/feature").then().statusCode(303);

        Awaitility.await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> {
            String anonymous = given().get("/articles/" + article.slug).then().statusCode(200).extract().asString();
            assertFeaturedBlock(anonymous, insightful, reply, plain);
        });
        assertFeaturedBlock(reader.given().get("/articles/" + article.slug).then().statusCode(200).extract().asString(),
                insightful, reply, plain);

        String sorted = given().get("/articles/" + article.slug + "?sort=featured").then().statusCode(200).extract().asString();
        assertTrue(sorted.contains("id=\"c" + reply.id + "\"") && sorted.contains("id=\"c" + insightful.id + "\""), sorted);
        assertTrue(sorted.indexOf("id=\"c" + reply.id + "\"") < sorted.indexOf("id=\"c" + insightful.id + "\""),
                "most recently featured first");
        assertTrue(!sorted.contains("id=\"c" + plain.id + "\""), "only featured comments in the featured sort");
        assertTrue(sorted.contains("<strong aria-current=\"true\">featured</strong>"));

        // unfeaturing takes it out, for everyone
        moderator.form().formParam("back", "article").post("/admin/comments/" + reply.id + "/unfeature").then().statusCode(303);
        Awaitility.await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> given().get("/articles/" + article.slug)
                .then().body(not(containsString("id=\"f" + reply.id + "\""))).body(containsString("id=\"f" + insightful.id + "\"")));
        reader.given().get("/articles/" + article.slug).then().body(not(containsString("id=\"f" + reply.id + "\"")));
    }

    @Test
    void onlyVisibleCommentsAreFeaturedAndARemovalTakesOneOutOfTheBlock() {
        Article article = fixtures.article("Featured rules");
        User author = fixtures.user(Fixtures.unique("feat-rules"));
        Comment held = fixtures.comment(article, null, author, "Held for review", CommentStatus.PENDING);
        Comment removed = fixtures.comment(article, null, author, "Removed already", CommentStatus.REMOVED);
        Comment deleted = fixtures.comment(article, null, author, "Deleted by its author", CommentStatus.DELETED);
        Comment visible = fixtures.comment(article, null, author, "Visible and featured");
        Session moderator = Sessions.newUser("feat-rules-mod", "moderator");

        moderator.form().formParam("back", "article").post("/admin/comments/" + held.id + "/feature").then().statusCode(409)
                .body(containsString("Only a visible comment can be featured: this one is awaiting review."));
        moderator.form().formParam("back", "article").post("/admin/comments/" + removed.id + "/feature").then().statusCode(409)
                .body(containsString("this one is removed."));
        moderator.form().formParam("back", "article").post("/admin/comments/" + deleted.id + "/feature").then().statusCode(409)
                .body(containsString("this one is deleted by its author."));
        moderator.form().post("/admin/comments/999999999/feature").then().statusCode(404);
        moderator.form().formParam("note", "x".repeat(501)).post("/admin/comments/" + visible.id + "/feature")
                .then().statusCode(400).body(containsString("at most 500 characters"));
        // from a queue, a refusal comes back to the queue with its message
        moderator.form().formParam("back", "reported").post("/admin/comments/" + held.id + "/feature").then().statusCode(303)
                .header("Location", containsString("/admin/queues/reported?error=Only+a+visible+comment"));
        moderator.form().post("/admin/comments/" + visible.id + "/unfeature").then().statusCode(409)
                .body(containsString("This comment is not featured."));

        moderator.form().post("/admin/comments/" + visible.id + "/feature").then().statusCode(303);
        moderator.form().post("/admin/comments/" + visible.id + "/feature").then().statusCode(409)
                .body(containsString("This comment is already featured."));
        Awaitility.await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> given().get("/articles/" + article.slug)
                .then().body(containsString("id=\"f" + visible.id + "\"")));
        moderator.form().formParam("action", "remove").formParam("reason", "off-topic").formParam("back", "reported")
                .post("/admin/comments/" + visible.id + "/decision").then().statusCode(303);
        Awaitility.await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> given().get("/articles/" + article.slug)
                .then().body(not(containsString("featured-comments"))));
        given().get("/articles/" + article.slug + "?sort=featured").then().statusCode(200)
                .body(containsString("No featured comments yet."));
        assertNull(mf.comment(held.id).featuredAt);
    }

    @Test
    void bothActionsAreAuditedInPlainWordsAndTheCsv() {
        Article article = fixtures.article("Featured audit");
        User author = fixtures.user(Fixtures.unique("feat-audit"));
        Comment c = fixtures.comment(article, null, author, "Audited feature");
        Session moderator = Sessions.newUser("feat-audit-mod", "moderator");
        moderator.form().formParam("note", "Best summary").post("/admin/comments/" + c.id + "/feature").then().statusCode(303);
        assertNotNull(mf.comment(c.id).featuredAt);
        assertEquals("Best summary", mf.comment(c.id).featuredNote);
        moderator.form().post("/admin/comments/" + c.id + "/unfeature").then().statusCode(303);
        assertNull(mf.comment(c.id).featuredAt);

        List<String> log = QuarkusTransaction.requiringNew().call(() -> ModerationAction.<ModerationAction>find(
                "targetComment.id = ?1 order by id", c.id).stream()
                .map(a -> a.action + " by " + a.moderator.username + " on " + a.targetUser.username + ": " + a.reason).toList());
        assertEquals(List.of("FEATURE by " + moderator.username() + " on " + author.username + ": Best summary",
                "UNFEATURE by " + moderator.username() + " on " + author.username + ": null"), log);
        moderator.given().get("/admin/log").then().statusCode(200)
                .body(containsString("featured <a href=\"/comments/" + c.id + "\">comment #" + c.id + "</a>"))
                .body(containsString("stopped featuring <a href=\"/comments/" + c.id + "\">comment #" + c.id + "</a>"));
        Session admin = Sessions.newUser("feat-audit-admin", "admin");
        admin.given().get("/admin/log/export.csv").then().statusCode(200)
                .body(containsString(moderator.username() + " featured comment #" + c.id + " by @" + author.username))
                .body(containsString(moderator.username() + " stopped featuring comment #" + c.id));
    }

    @Test
    void commentersAndSuspendedStaffCannotFeature() {
        Article article = fixtures.article("Featured authorization");
        User author = fixtures.user(Fixtures.unique("feat-authz"));
        Comment c = fixtures.comment(article, null, author, "Not to be featured by just anyone");
        Session commenter = Sessions.newUser("feat-commenter");
        commenter.form().post("/admin/comments/" + c.id + "/feature").then().statusCode(403);
        commenter.form().post("/admin/comments/" + c.id + "/unfeature").then().statusCode(403);
        for (String role : List.of("moderator", "editor")) {
            Session staff = Sessions.newUser("feat-susp-" + role.charAt(0), role);
            mf.account(staff.username(), "commenter," + role, UserStatus.SUSPENDED);
            staff.form().post("/admin/comments/" + c.id + "/feature").then().statusCode(403);
        }
        given().redirects().follow(false).post("/admin/comments/" + c.id + "/feature").then()
                .statusCode(org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(400), org.hamcrest.Matchers.is(401),
                        org.hamcrest.Matchers.is(302)));
        assertNull(mf.comment(c.id).featuredAt, "nothing was featured");
        // the staff's forms are on their own page only
        commenter.given().get("/articles/" + article.slug).then().body(not(containsString("/feature\"")));
        Session moderator = Sessions.newUser("feat-form-mod", "moderator");
        moderator.given().get("/articles/" + article.slug).then()
                .body(containsString("action=\"/admin/comments/" + c.id + "/feature\""))
                .body(containsString("action=\"/admin/threads/" + article.slug + "/slow-mode\""));
    }

    private static void assertFeaturedBlock(String html, Comment first, Comment second, Comment notFeatured) {
        int block = html.indexOf("<section class=\"featured-comments\"");
        assertTrue(block >= 0, "a featured block");
        assertTrue(html.contains("Featured comments</h3>"));
        assertTrue(block < html.indexOf("<ol class=\"thread\">"), "above the threads");
        String section = html.substring(block, html.indexOf("</section>", block));
        assertTrue(section.contains("A genuinely insightful remark") && section.contains("A reply worth featuring too"), section);
        assertTrue(section.contains("Explains the trade-off &lt;well&gt;"), "the note, escaped: " + section);
        assertTrue(section.indexOf("id=\"f" + second.id + "\"") < section.indexOf("id=\"f" + first.id + "\""),
                "most recently featured first");
        assertTrue(!section.contains("An ordinary remark"));
        assertTrue(html.contains("<span class=\"featured-mark\">Featured</span>"));
        assertTrue(!html.contains("id=\"f" + notFeatured.id + "\""));
    }
}
