package io.tribune.moderation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.tribune.account.User;
import io.tribune.account.UserStatus;
import io.tribune.article.Article;
import io.tribune.comment.Comment;
import io.tribune.comment.CommentStatus;
import io.tribune.moderation.ModerationAction.Type;
import io.tribune.testsupport.Fixtures;
import jakarta.inject.Inject;

@QuarkusTest
@TestSecurity(user = AdminPagesTest.MOD, roles = { "commenter", "moderator" })
class AdminPagesTest {

    static final String MOD = "pages-mod";

    @Inject
    Fixtures fixtures;
    @Inject
    ModerationFixtures mf;
    @Inject
    ReportService reports;

    User mod;
    User author;
    Article article;

    @org.junit.jupiter.api.AfterEach
    void tearDown() {
        Csrf.uninstall();
    }

    @BeforeEach
    void setUp() {
        Csrf.install();
        mod = mf.account(MOD, "commenter,moderator", UserStatus.ACTIVE);
        author = fixtures.user(Fixtures.unique("writer"));
        article = fixtures.article("Admin pages " + Fixtures.unique("a"));
    }

    @Test
    void theReportedQueueShowsTheCommentInContextAndRemovingItShowsThePlaceholder() {
        Comment parent = fixtures.comment(article, null, fixtures.user(Fixtures.unique("p")), "The parent says hello");
        Comment c = fixtures.comment(article, parent, author, "Reply that is <b>rude</b>");
        fixtures.comment(article, c, fixtures.user(Fixtures.unique("q")), "A reply keeps the placeholder in the thread");
        User reporter = fixtures.user(Fixtures.unique("rep"));
        reports.report(reporter, c.id, ReportReason.ABUSIVE, "Name-calling & worse");
        for (int i = 0; i < 2; i++) { // most reported first (three hide it): this puts it on the first page
            reports.report(fixtures.user(Fixtures.unique("rep")), c.id, ReportReason.OTHER, null);
        }

        given().get("/admin/queues/reported").then().statusCode(200)
                .body(containsString("id=\"q" + c.id + "\""))
                .body(containsString(article.headline))
                .body(containsString("In reply to"))
                .body(containsString("The parent says hello"))
                .body(containsString("Name-calling &amp; worse"))
                .body(containsString("by @" + reporter.username))
                .body(not(containsString("<b>rude</b>")))
                .body(containsString("id=\"count-reported\""));

        Csrf.form().formParam("action", "remove").formParam("reason", "abusive").formParam("note", "insult")
                .formParam("back", "reported")
                .post("/admin/comments/" + c.id + "/decision").then().statusCode(303)
                .header("Location", containsString("/admin/queues/reported?done="));
        assertEquals(CommentStatus.REMOVED, mf.comment(c.id).status);
        assertEquals(0, mf.openReports(c.id));
        given().get("/articles/" + article.slug).then().statusCode(200)
                .body(containsString("Comment removed by a moderator"))
                .body(not(containsString("rude")));
        given().get("/admin/queues/removed").then().statusCode(200).body(containsString("id=\"q" + c.id + "\""))
                .body(containsString("value=\"restore\""));
    }

    @Test
    void bulkApproveClearsReportsAndPublishesHeldComments() {
        Comment held = fixtures.comment(article, null, author, "Held for review", CommentStatus.PENDING);
        Comment reported = fixtures.comment(article, null, author, "Reported once");
        reports.report(fixtures.user(Fixtures.unique("rep")), reported.id, ReportReason.SPAM, null);

        Csrf.form().formParam("ids", held.id, reported.id).formParam("action", "approve").formParam("reason", "spam")
                .post("/admin/queues/held/bulk").then().statusCode(303)
                .header("Location", containsString("done=approve+2+comments"));
        assertEquals(CommentStatus.VISIBLE, mf.comment(held.id).status);
        assertEquals(0, mf.openReports(reported.id));
        assertEquals(List.of(Type.APPROVE, Type.APPROVE), mf.actionsFor(author));
    }

    @Test
    void aBulkActionIsAllOrNothing() {
        Comment a = fixtures.comment(article, null, author, "first");
        Comment removed = fixtures.comment(article, null, author, "already gone", CommentStatus.REMOVED);
        Csrf.form().formParam("ids", a.id, removed.id).formParam("action", "remove").formParam("reason", "spam")
                .post("/admin/queues/recent/bulk").then().statusCode(303)
                .header("Location", containsString("error="));
        assertEquals(CommentStatus.VISIBLE, mf.comment(a.id).status);
        assertEquals(List.of(), mf.actionsFor(author));
    }

    @Test
    void formsWithoutTheCsrfTokenAreRefused() {
        Comment c = fixtures.comment(article, null, author, "Safe");
        given().redirects().follow(false).formParam("action", "remove").formParam("reason", "spam")
                .post("/admin/comments/" + c.id + "/decision").then().statusCode(400);
        assertEquals(CommentStatus.VISIBLE, mf.comment(c.id).status);
    }

    @Test
    void theUserPageShowsTheRecordAndTakesNotesAndActions() {
        Comment c = fixtures.comment(article, null, author, "Something abusive");
        reports.report(fixtures.user(Fixtures.unique("rep")), c.id, ReportReason.ABUSIVE, "nasty");
        Csrf.form().formParam("body", "Warned by email on Monday").post("/admin/users/" + author.username + "/notes")
                .then().statusCode(303);
        Csrf.form().formParam("on", "true").formParam("reason", "Repeat offender")
                .post("/admin/users/" + author.username + "/always-hold").then().statusCode(303);
        Csrf.form().formParam("days", "3").formParam("reason", "Cool off")
                .post("/admin/users/" + author.username + "/suspend").then().statusCode(303)
                .header("Location", containsString("done=suspended"));
        assertTrue(mf.reload(author).alwaysHold);
        assertEquals(UserStatus.SUSPENDED, mf.reload(author).status);

        given().get("/admin/users/" + author.username).then().statusCode(200)
                .body(containsString("Warned by email on Monday"))
                .body(containsString("Something abusive"))
                .body(containsString("nasty"))
                .body(containsString("SUSPENDED until"))
                .body(containsString("Stop holding every comment"))
                .body(not(containsString("Grant moderator role")))
                .body(not(containsString("/reinstate")));

        // a reason is required: the error comes back to the page, nothing changes
        Csrf.form().formParam("reason", "").post("/admin/users/" + author.username + "/deregister").then().statusCode(303)
                .header("Location", containsString("error="));
        assertEquals(UserStatus.SUSPENDED, mf.reload(author).status);
        // moderators cannot reinstate or grant roles
        Csrf.form().formParam("reason", "x").post("/admin/users/" + author.username + "/reinstate").then().statusCode(403);
        Csrf.form().formParam("role", "moderator").formParam("grant", "true")
                .post("/admin/users/" + author.username + "/roles").then().statusCode(403);
        // nor act on themselves
        Csrf.form().formParam("reason", "x").post("/admin/users/" + MOD + "/suspend").then().statusCode(403);
        assertEquals(UserStatus.ACTIVE, mf.reload(mod).status);
    }

    @Test
    void noActionsAreOfferedOnAnAdminOrOneself() {
        User admin = mf.account(Fixtures.unique("boss"), "commenter,admin", UserStatus.ACTIVE);
        given().get("/admin/users/" + admin.username).then().statusCode(200).body(not(containsString("/suspend\"")));
        given().get("/admin/users/" + MOD).then().statusCode(200).body(not(containsString("/suspend\"")));
        given().get("/admin/users/" + author.username).then().statusCode(200).body(containsString("/suspend\""));
    }

    @Test
    void theUserListSearchesAndFilters() {
        User suspended = fixtures.user(Fixtures.unique("findme"));
        mf.setStatus(suspended, UserStatus.SUSPENDED);
        given().queryParam("q", suspended.username.substring(0, 14)).get("/admin/users").then().statusCode(200)
                .body(containsString("/admin/users/" + suspended.username));
        given().queryParam("q", suspended.email).get("/admin/users").then().statusCode(200)
                .body(containsString("/admin/users/" + suspended.username));
        given().queryParam("q", suspended.username).queryParam("status", "ACTIVE").get("/admin/users").then().statusCode(200)
                .body(not(containsString("/admin/users/" + suspended.username)));
        given().queryParam("status", "SUSPENDED").queryParam("q", suspended.username).get("/admin/users").then().statusCode(200)
                .body(containsString("/admin/users/" + suspended.username));
        given().get("/admin/users/no-such-user-here").then().statusCode(404);
    }

    @Test
    void theDashboardDrawsSvgCharts() {
        Comment c = fixtures.comment(article, null, author, "Counted");
        reports.report(fixtures.user(Fixtures.unique("rep")), c.id, ReportReason.SPAM, null);
        given().get("/admin").then().statusCode(200)
                .body(containsString("<svg"))
                .body(containsString("id=\"chart-comments\""))
                .body(containsString("id=\"chart-reports\""))
                .body(containsString("id=\"chart-removals\""))
                .body(containsString("id=\"chart-sanctions\""))
                .body(containsString("Median time from first report to decision"))
                .body(containsString("Most discussed articles"))
                .body(not(containsString("style=")))
                .body(not(containsString("<script>")));
        // the queues' optional keyboard shortcuts come from a file the app serves (no inline script under the CSP)
        String queue = given().get("/admin/queues/recent").then().statusCode(200).extract().asString();
        java.util.regex.Matcher script = java.util.regex.Pattern
                .compile("<script src=\"(/static/[0-9a-f]{16}/moderation\\.js)\" defer>").matcher(queue);
        assertTrue(script.find(), "the queue page loads moderation.js from its fingerprinted URL");
        given().get(script.group(1)).then().statusCode(200).body(containsString("keydown"));
    }

    @Test
    void theLogFiltersByActionAndUser() {
        Comment c = fixtures.comment(article, null, author, "to remove");
        Csrf.form().formParam("action", "remove").formParam("reason", "spam").post("/admin/comments/" + c.id + "/decision")
                .then().statusCode(303);
        given().queryParam("user", author.username).queryParam("action", "REMOVE").get("/admin/log").then().statusCode(200)
                .body(containsString("@" + author.username))
                .body(containsString("<code>spam</code>"))
                .body(containsString(MOD));
        given().queryParam("user", author.username).queryParam("action", "STRIKE").get("/admin/log").then().statusCode(200)
                .body(not(containsString("@" + author.username)));
        given().queryParam("from", "yesterday").get("/admin/log").then().statusCode(200)
                .body(containsString("Dates are written like"));
    }
}
