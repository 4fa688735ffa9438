package io.tribune.moderation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.tribune.account.User;
import io.tribune.account.UserStatus;
import io.tribune.article.Article;
import io.tribune.comment.Comment;
import io.tribune.comment.CommentStatus;
import io.tribune.moderation.ModerationAction.Type;
import io.tribune.testsupport.Fixtures;
import io.tribune.testsupport.Sessions;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Suspended and de-registered users keep read-only access: they log in, read, see their history, download their data
 * and delete their account; every write that takes part in the discussion is refused, and no control leads there.
 */
@QuarkusTest
class SanctionedAccessTest {

    @Inject
    Fixtures fixtures;
    @Inject
    ModerationFixtures mf;
    @Inject
    CommentDecisions decisions;
    @Inject
    UserSanctions sanctions;
    @Inject
    BlockedSignupScreen blocked;

    @Test
    void aDeregisteredUserLogsInReadsTheirHistoryWithTheRealGroundDownloadsTheirDataAndDeletesTheAccount() {
        String name = Fixtures.unique("dereg");
        User user = Sessions.verifiedUser(name, Sessions.PASSWORD);
        User mod = mf.account(Fixtures.unique("mod"), "commenter,moderator", UserStatus.ACTIVE);
        Article article = fixtures.article("Read-only access");
        Comment other = fixtures.comment(article, null, mod, "A comment by someone else");
        decisions.remove(mod, fixtures.comment(article, null, user, "First spam-like insult").id, ReportReason.ABUSIVE, "Insult");
        decisions.remove(mod, fixtures.comment(article, null, user, "Second one").id, ReportReason.DEFAMATORY, null);
        decisions.remove(mod, fixtures.comment(article, null, user, "Third one").id, ReportReason.ABUSIVE, null);
        decisions.remove(mod, fixtures.comment(article, null, user, "Buy my pills").id, ReportReason.SPAM, null);
        assertEquals(UserStatus.DEREGISTERED, mf.reload(user).status);

        Sessions.Session session = Sessions.login(name, Sessions.PASSWORD);
        String banner = "Your account was de-registered under the comment policy. Ground: 3 active strikes under the comment"
                + " policy, for comments removed as abusive, defamatory, abusive";
        session.given().get("/").then().statusCode(200).body(containsString(banner))
                .body(containsString("but no longer comment, reply, vote or report"));
        String page = session.given().get("/articles/" + article.slug).then().statusCode(200)
                .body(containsString("A comment by someone else")).extract().asString();
        assertTrue(!page.contains("class=\"comment-form\"") && !page.contains("/reply\"")
                && !page.contains("/report\"") && !page.contains("name=\"vote\""),
                "no comment box, reply, report or vote control");
        session.given().get("/settings/moderation").then().statusCode(200)
                .body(containsString("Your account was de-registered"))
                .body(containsString("Reason: Abusive: Insult"))
                .body(containsString("First spam-like insult"))
                .body(containsString("comments that are abusive are removed, and each such removal gives a strike"))
                .body(containsString("comments that are spam or advertising are removed (no strike)"))
                .body(containsString("Appeal against this decision"))
                .body(not(containsString(mod.username)));
        String export = session.given().get("/settings/export").then().statusCode(200).extract().asString();
        assertTrue(export.contains("\"moderation\"") && export.contains("\"deregister\"") && export.contains("Buy my pills"),
                export);

        // every read allowed
        for (String path : List.of("/", "/articles/" + article.slug, "/settings", "/settings/moderation", "/settings/export",
                "/users/" + name, "/policy", "/transparency", "/search?q=access")) {
            session.given().redirects().follow(false).get(path).then().statusCode(200);
        }
        // every write that takes part refused, nothing stored
        long comments = rows("select count(*) from comment where author_id = " + user.id);
        session.form().formParam("article", article.slug).formParam("body", "Let me back in").post("/comments")
                .then().statusCode(403).body(containsString("de-registered"));
        session.form().formParam("article", article.slug).formParam("parentId", other.id).formParam("body", "A reply")
                .post("/comments").then().statusCode(403);
        session.form().post("/comments/" + other.id + "/vote").then().statusCode(403);
        session.form().formParam("reason", "abusive").post("/comments/" + other.id + "/report").then().statusCode(403);
        session.given().contentType("application/json").header("X-CSRF-TOKEN", session.csrfToken())
                .body("{\"body\": \"via the API\"}").post("/api/articles/" + article.slug + "/comments").then().statusCode(403);
        session.given().header("X-CSRF-TOKEN", session.csrfToken()).put("/api/comments/" + other.id + "/vote")
                .then().statusCode(403);
        session.given().redirects().follow(false).get("/admin").then().statusCode(403);
        assertEquals(comments, rows("select count(*) from comment where author_id = " + user.id));
        assertEquals(0, rows("select count(*) from comment_report where reporter_id = " + user.id));
        assertEquals(0, fixtures.votesOn(other));

        // and the account can be deleted
        session.form().formParam("password", Sessions.PASSWORD).formParam("comments", "keep").post("/settings/delete")
                .then().statusCode(303);
        assertEquals(UserStatus.DELETED, mf.reload(user).status);
    }

    @Test
    void aSuspendedUserSeesUntilWhenAndTheModeratorsGround() {
        String name = Fixtures.unique("susp");
        Sessions.verifiedUser(name, Sessions.PASSWORD);
        User mod = mf.account(Fixtures.unique("mod"), "commenter,moderator", UserStatus.ACTIVE);
        sanctions.suspend(mod, name, 3, "Flooding every thread with spam links");
        Sessions.Session session = Sessions.login(name, Sessions.PASSWORD);
        session.given().get("/").then().statusCode(200)
                .body(containsString("Your account is suspended until "))
                .body(containsString("Ground: decision of a moderator: Flooding every thread with spam links"))
                .body(containsString("but not comment, reply, vote or report"));
        // pages kept for visitors (and spliced for commenters) are rendered for them, with their banner
        for (String path : new String[] { "/", "/sections/news", "/authors/ada-lovelace", "/search?q=cloud",
                "/users/" + mod.username }) {
            given().get(path).then().statusCode(200); // kept for visitors now
            session.given().get(path).then().statusCode(200).header("Cache-Control", "no-store")
                    .body(containsString("Your account is suspended until "));
        }
    }

    @Test
    void signingUpAgainWithABarredAddressSaysItIsBarredAndHowToAppeal() {
        String name = Fixtures.unique("barred");
        User user = Sessions.verifiedUser(name, Sessions.PASSWORD);
        User mod = mf.account(Fixtures.unique("mod"), "commenter,moderator", UserStatus.ACTIVE);
        sanctions.deregister(mod, name, "Threats");
        Sessions.csrf("/signup").form().formParam("username", Fixtures.unique("fresh")).formParam("email", user.email.toUpperCase())
                .formParam("password", "long enough password").formParam("acceptPolicy", "on").post("/signup")
                .then().statusCode(422)
                .body(containsString("This username or email address is barred"))
                .body(containsString("appeal from your moderation history"))
                .body(not(containsString("Log in, or reset your password")));
        Sessions.csrf("/signup").form().formParam("username", name).formParam("email", Fixtures.unique("x") + "@example.test")
                .formParam("password", "long enough password").formParam("acceptPolicy", "on").post("/signup")
                .then().statusCode(422).body(containsString("is barred"))
                .body(not(containsString("already taken")));
    }

    @Test
    void restoringAWronglyRemovedCommentWithdrawsItsStrikeAndEndsTheSuspensionItCaused() {
        User author = fixtures.user(Fixtures.unique("wronged"));
        User mod = mf.account(Fixtures.unique("mod"), "commenter,moderator", UserStatus.ACTIVE);
        Article article = fixtures.article("Restore lifts");
        Comment first = fixtures.comment(article, null, author, "Sharp but fair");
        decisions.remove(mod, first.id, ReportReason.ABUSIVE, null);
        decisions.remove(mod, fixtures.comment(article, null, author, "Another sharp one").id, ReportReason.ABUSIVE, null);
        assertEquals(UserStatus.SUSPENDED, mf.reload(author).status);

        decisions.restore(mod, first.id, "Not abusive after all");
        User after = mf.reload(author);
        assertEquals(UserStatus.ACTIVE, after.status);
        assertEquals(null, after.suspendedUntil);
        assertTrue(after.participationBlock().isEmpty());
        assertEquals(1, mf.activeStrikes(author, java.time.Instant.now()));
        List<ModerationAction> log = mf.log(author);
        assertEquals(List.of(Type.REMOVE, Type.STRIKE, Type.REMOVE, Type.STRIKE, Type.SUSPEND, Type.RESTORE,
                Type.STRIKE_WITHDRAWN, Type.REINSTATE), mf.actionsFor(author));
        assertEquals(mod.username, log.get(7).moderator.username);
        assertTrue(log.get(7).reason.contains("comment " + first.id + " was restored"), log.get(7).reason);
    }

    @Test
    void restoringOneOfThreeStrikesEndsTheDeregistrationAndLeavesTheSuspensionTheOtherTwoGive() {
        User author = fixtures.user(Fixtures.unique("wronged"));
        User mod = mf.account(Fixtures.unique("mod"), "commenter,moderator", UserStatus.ACTIVE);
        Article article = fixtures.article("Restore lifts de-registration");
        Comment first = fixtures.comment(article, null, author, "one");
        decisions.remove(mod, first.id, ReportReason.ABUSIVE, null);
        decisions.remove(mod, fixtures.comment(article, null, author, "two").id, ReportReason.ABUSIVE, null);
        decisions.remove(mod, fixtures.comment(article, null, author, "three").id, ReportReason.ABUSIVE, null);
        assertEquals(UserStatus.DEREGISTERED, mf.reload(author).status);
        assertTrue(blocked.refusal(author.username, null).isPresent());

        decisions.restore(mod, first.id, "Mistake");
        User after = mf.reload(author);
        assertEquals(UserStatus.SUSPENDED, after.status, "two active strikes still suspend");
        assertTrue(after.suspendedUntil.isAfter(java.time.Instant.now().plusSeconds(6 * 86400)));
        assertEquals(null, after.deregisteredReason);
        assertTrue(!blocked.refusal(author.username, null).isPresent(), "the identity is free again");
        assertEquals(CommentStatus.VISIBLE, mf.comment(first.id).status);
    }

    @Test
    void aManualSuspensionIsNotLiftedByRestoringAComment() {
        User author = fixtures.user(Fixtures.unique("manual"));
        User mod = mf.account(Fixtures.unique("mod"), "commenter,moderator", UserStatus.ACTIVE);
        Article article = fixtures.article("Manual stays");
        Comment c = fixtures.comment(article, null, author, "one");
        decisions.remove(mod, c.id, ReportReason.ABUSIVE, null);
        sanctions.suspend(mod, author.username, 5, "Harassing another reader by email");
        decisions.restore(mod, c.id, "Mistake");
        assertEquals(UserStatus.SUSPENDED, mf.reload(author).status, "other grounds remain: the moderator's own decision");
        assertEquals(0, mf.activeStrikes(author, java.time.Instant.now()));
    }

    static long rows(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Comment.getEntityManager().createNativeQuery(sql)
                .getSingleResult()).longValue());
    }
}
