package io.tribune.moderation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.tribune.account.User;
import io.tribune.account.UserStatus;
import io.tribune.article.Article;
import io.tribune.comment.Comment;
import io.tribune.comment.CommentStatus;
import io.tribune.testsupport.Fixtures;
import jakarta.inject.Inject;

@QuarkusTest
class ReportPagesTest {

    static final String READER = "report-reader";
    static final String SUSPENDED = "report-suspended";

    @Inject
    Fixtures fixtures;
    @Inject
    ModerationFixtures mf;
    @Inject
    ReportService reports;

    User reader;
    User other;
    Article article;

    @org.junit.jupiter.api.AfterEach
    void tearDown() {
        Csrf.uninstall();
    }

    @BeforeEach
    void setUp() {
        Csrf.install();
        reader = mf.account(READER, "commenter", UserStatus.ACTIVE);
        mf.account(SUSPENDED, "commenter", UserStatus.SUSPENDED);
        mf.clearReportsBy(reader);
        other = fixtures.user(Fixtures.unique("author"));
        article = fixtures.article("Reports");
    }

    @Test
    @TestSecurity(user = READER, roles = "commenter")
    void aReaderReportsAComment() {
        Comment c = fixtures.comment(article, null, other, "Questionable claim");
        given().get("/comments/" + c.id + "/report").then().statusCode(200)
                .body(containsString("Report a comment"))
                .body(containsString("value=\"off-topic\""))
                .body(containsString("Questionable claim"));
        Csrf.form().formParam("reason", "defamatory").formParam("note", "Unsupported accusation")
                .post("/comments/" + c.id + "/report").then().statusCode(200)
                .body(containsString("Thanks — a moderator will look at it"));
        assertEquals(1, mf.openReports(c.id));
        // once only
        given().get("/comments/" + c.id + "/report").then().statusCode(409).body(containsString("already reported"));
        Csrf.form().formParam("reason", "spam").post("/comments/" + c.id + "/report").then().statusCode(409);
        assertEquals(1, mf.openReports(c.id));
    }

    @Test
    @TestSecurity(user = READER, roles = "commenter")
    void theArticlePageOffersReportOnOthersCommentsOnly() {
        Comment others = fixtures.comment(article, null, other, "Someone else's");
        Comment own = fixtures.comment(article, null, reader, "My own");
        given().get("/articles/" + article.slug).then().statusCode(200)
                .body(containsString("href=\"/comments/" + others.id + "/report\""))
                .body(not(containsString("href=\"/comments/" + own.id + "/report\"")));
    }

    @Test
    void anonymousReadersSeeNoReportLinkAndCannotReport() {
        Comment c = fixtures.comment(article, null, other, "Visible to all");
        given().get("/articles/" + article.slug).then().statusCode(200).body(not(containsString("/report\"")));
        int status = given().redirects().follow(false).get("/comments/" + c.id + "/report").then().extract().statusCode();
        assertEquals(true, status == 401 || status == 302, "anonymous gets 401 or a redirect to log in, was " + status);
    }

    @Test
    @TestSecurity(user = READER, roles = "commenter")
    void notOnOnesOwnComment() {
        Comment own = fixtures.comment(article, null, reader, "Mine");
        given().get("/comments/" + own.id + "/report").then().statusCode(403)
                .body(containsString("You cannot report your own comment."));
        Csrf.form().formParam("reason", "spam").post("/comments/" + own.id + "/report").then().statusCode(403);
        assertEquals(0, mf.openReports(own.id));
    }

    @Test
    @TestSecurity(user = SUSPENDED, roles = "commenter")
    void notWhileSuspended() {
        Comment c = fixtures.comment(article, null, other, "Anything");
        given().get("/comments/" + c.id + "/report").then().statusCode(403).body(containsString("suspended"));
        Csrf.form().formParam("reason", "spam").post("/comments/" + c.id + "/report").then().statusCode(403);
        assertEquals(0, mf.openReports(c.id));
    }

    @Test
    @TestSecurity(user = READER, roles = "commenter")
    void badInputIsExplainedOnTheFormWithTheTypedValuesKept() {
        Comment c = fixtures.comment(article, null, other, "Hmm");
        String longNote = "x".repeat(501);
        Csrf.form().formParam("reason", "other").formParam("note", longNote).post("/comments/" + c.id + "/report")
                .then().statusCode(400)
                .body(containsString("The note is at most 500 characters"))
                .body(containsString(longNote))
                .body(containsString("value=\"other\" required checked"));
        Csrf.form().formParam("note", "no reason").post("/comments/" + c.id + "/report").then().statusCode(400)
                .body(containsString("Choose a reason."));
        assertEquals(0, mf.openReports(c.id));
        // and without the CSRF token nothing happens
        given().redirects().follow(false).formParam("reason", "spam").post("/comments/" + c.id + "/report")
                .then().statusCode(400);
        assertEquals(0, mf.openReports(c.id));
    }

    @Test
    @TestSecurity(user = READER, roles = "commenter")
    void reportingIsRateLimitedPerDay() {
        for (int i = 0; i < 20; i++) {
            reports.report(mf.reload(reader), fixtures.comment(article, null, other, "c" + i).id, ReportReason.SPAM, null);
        }
        Comment c = fixtures.comment(article, null, other, "The 21st");
        Csrf.form().formParam("reason", "spam").post("/comments/" + c.id + "/report").then().statusCode(429)
                .body(containsString("You have made 20 reports in the last 24 hours"));
        assertEquals(0, mf.openReports(c.id));
    }

    @Test
    void threeDistinctReportersHideTheComment() {
        Comment c = fixtures.comment(article, null, other, "Reported thrice");
        for (int i = 0; i < 3; i++) {
            reports.report(fixtures.user(Fixtures.unique("rep")), c.id, ReportReason.ABUSIVE, null);
        }
        assertEquals(CommentStatus.PENDING, mf.comment(c.id).status);
        given().get("/articles/" + article.slug).then().statusCode(200)
                .body(not(containsString("Reported thrice")));
    }
}
