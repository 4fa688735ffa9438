package io.tribune.comment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.tribune.account.User;
import io.tribune.article.Article;
import io.tribune.testsupport.Csrf;
import io.tribune.testsupport.Fixtures;
import jakarta.inject.Inject;

@QuarkusTest
class CommentPagesTest {

    @Inject
    Fixtures fixtures;

    Article article;
    String csrf;

    @BeforeEach
    void setUp() {
        article = fixtures.article("Comment pages");
        fixtures.namedUser("carol");
        fixtures.namedUser("dave");
        csrf = Csrf.token();
        // carol's earlier posts must not trip flood control in the next test
        fixtures.ageAllBy(User.findByUsername("carol").orElseThrow(), java.time.Duration.ofMinutes(5));
    }

    @Test
    void anonymousReadersSeeThePolicyInsteadOfAForm() {
        given().get("/articles/" + article.slug).then().statusCode(200)
                .body(containsString("sign up</a>"))
                .body(not(containsString("name=\"body\"")));
        given().redirects().follow(false).formParam("article", article.slug).formParam("body", "Hi")
                .cookie(Csrf.COOKIE, csrf).formParam(Csrf.COOKIE, csrf)
                .post("/comments").then().statusCode(302).header("Location", containsString("/login"));
    }

    @Test
    @TestSecurity(user = "carol", roles = "commenter")
    void postingRedirectsToTheNewCommentsAnchor() {
        given().get("/articles/" + article.slug).then().statusCode(200)
                .body(containsString("Post comment"));
        String location = given().redirects().follow(false)
                .cookie(Csrf.COOKIE, csrf).formParam(Csrf.COOKIE, csrf)
                .formParam("article", article.slug).formParam("body", "Posted *through* the form")
                .post("/comments").then().statusCode(303).extract().header("Location");
        assertTrue(location.matches(".*/articles/" + article.slug + "#c\\d+"), location);
        given().get("/articles/" + article.slug).then()
                .body(containsString("Posted <em>through</em> the form"))
                .body(containsString("1 Comment</h2>"));
    }

    @Test
    @TestSecurity(user = "carol", roles = "commenter")
    void missingCsrfTokenIsRefused() {
        given().redirects().follow(false).formParam("article", article.slug).formParam("body", "No token")
                .post("/comments").then().statusCode(400);
        given().get("/articles/" + article.slug).then().body(not(containsString("No token")));
    }

    @Test
    @TestSecurity(user = "carol", roles = "commenter")
    void errorsComeBackOnTheFormWithTheTextKept() {
        String tooLong = "This is far too long. ".repeat(240);
        given().cookie(Csrf.COOKIE, csrf).formParam(Csrf.COOKIE, csrf)
                .formParam("article", article.slug).formParam("body", tooLong)
                .post("/comments").then().statusCode(400)
                .body(containsString("at most 5000 characters"))
                .body(containsString("This is far too long. This is far too long."))
                .body(containsString("aria-invalid=\"true\""));
        given().cookie(Csrf.COOKIE, csrf).formParam(Csrf.COOKIE, csrf)
                .formParam("article", article.slug).formParam("body", "   ")
                .post("/comments").then().statusCode(400)
                .body(containsString("Please write something"));
    }

    @Test
    @TestSecurity(user = "carol", roles = "commenter")
    void previewRendersWithoutPosting() {
        given().cookie(Csrf.COOKIE, csrf).formParam(Csrf.COOKIE, csrf)
                .formParam("article", article.slug).formParam("body", "**Bold** claim <script>x()</script>")
                .formParam("action", "preview")
                .post("/comments").then().statusCode(200)
                .body(containsString("<strong>Bold</strong> claim &lt;script&gt;"))
                .body(containsString("**Bold** claim"));
        assertEquals(0, fixtures.reload(article).commentCount);
    }

    @Test
    @TestSecurity(user = "carol", roles = "commenter")
    void htmxRequestsGetFragments() {
        String fragment = given().header("HX-Request", "true").cookie(Csrf.COOKIE, csrf).formParam(Csrf.COOKIE, csrf)
                .formParam("article", article.slug).formParam("body", "In place")
                .post("/comments").then().statusCode(200)
                .body(containsString("In place"))
                .body(not(containsString("<html"))).extract().asString();
        assertTrue(fragment.contains("class=\"comment-form\""), "a fresh form follows the new comment");

        User dave = User.findByUsername("dave").orElseThrow();
        Comment daves = fixtures.comment(article, null, dave, "Reply to me");
        given().header("HX-Request", "true").get("/comments/" + daves.id + "/reply").then().statusCode(200)
                .body(allOf(containsString("name=\"parentId\" value=\"" + daves.id + "\""), not(containsString("<html"))));
        given().header("HX-Request", "true").cookie(Csrf.COOKIE, csrf).formParam(Csrf.COOKIE, csrf)
                .post("/comments/" + daves.id + "/vote").then().statusCode(200)
                .body(containsString("aria-pressed=\"true\""))
                .body(containsString("aria-pressed=\"true\">Up 1</button>"));
    }

    @Test
    @TestSecurity(user = "carol", roles = "commenter")
    void replyPageAndVoteFormWorkWithoutJavaScript() {
        User dave = User.findByUsername("dave").orElseThrow();
        Comment daves = fixtures.comment(article, null, dave, "A comment worth replying to");
        given().get("/comments/" + daves.id + "/reply").then().statusCode(200)
                .body(containsString("<html"))
                .body(containsString("Reply to Display dave"))
                .body(containsString("A comment worth replying to"));
        given().redirects().follow(false).cookie(Csrf.COOKIE, csrf).formParam(Csrf.COOKIE, csrf)
                .formParam("article", article.slug).formParam("parentId", daves.id).formParam("body", "My reply")
                .post("/comments").then().statusCode(303);
        given().redirects().follow(false).cookie(Csrf.COOKIE, csrf).formParam(Csrf.COOKIE, csrf)
                .post("/comments/" + daves.id + "/vote").then().statusCode(303)
                .header("Location", containsString("#c" + daves.id));
        assertEquals(1, fixtures.reload(daves).voteCount);
        given().get("/articles/" + article.slug).then().body(containsString("My reply"))
                .body(containsString("class=\"replies\""));
    }

    @Test
    @TestSecurity(user = "carol", roles = "commenter")
    void closedArticlesSaySo() {
        fixtures.closeComments(article);
        given().get("/articles/" + article.slug).then().statusCode(200)
                .body(containsString("Comments are closed"))
                .body(not(containsString("Post comment")));
    }

    @Test
    @TestSecurity(user = "carol", roles = "commenter")
    void badInputNeverCausesA500() {
        for (byte[] raw : new byte[][] {
                ("csrf-token=" + csrf + "&article=" + article.slug + "&body=%C3%28%FF%FE").getBytes(StandardCharsets.ISO_8859_1),
                ("csrf-token=" + csrf + "&article=" + article.slug + "&body=").getBytes(StandardCharsets.ISO_8859_1),
                concat(("csrf-token=" + csrf + "&article=" + article.slug + "&body=").getBytes(StandardCharsets.ISO_8859_1),
                        new byte[] { (byte) 0xC3, (byte) 0x28, (byte) 0xFF }) }) {
            int status = given().contentType("application/x-www-form-urlencoded").cookie(Csrf.COOKIE, csrf)
                    .body(new String(raw, StandardCharsets.ISO_8859_1)).post("/comments").then().extract().statusCode();
            assertTrue(status < 500, "status " + status);
        }
        given().cookie(Csrf.COOKIE, csrf).formParam(Csrf.COOKIE, csrf)
                .formParam("article", article.slug).formParam("parentId", "-3").formParam("body", "x")
                .post("/comments").then().statusCode(400);
        given().cookie(Csrf.COOKIE, csrf).formParam(Csrf.COOKIE, csrf)
                .formParam("article", "no-such-article").formParam("body", "x")
                .post("/comments").then().statusCode(404);
        given().get("/comments/abc/reply").then().statusCode(404);
        given().cookie(Csrf.COOKIE, csrf).formParam(Csrf.COOKIE, csrf).post("/comments/99999999/vote").then().statusCode(404);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Test
    @TestSecurity(user = "eve-unverified", roles = "commenter")
    void unverifiedUsersAreToldWhy() {
        if (User.findByUsername("eve-unverified").isEmpty()) {
            fixtures.unverifiedUser("eve-unverified");
        }
        given().get("/articles/" + article.slug).then().statusCode(200)
                .body(containsString("verify your email address"))
                .body(not(containsString("Post comment")));
    }
}
