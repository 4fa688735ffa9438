package io.tribune.article;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.tribune.account.User;
import io.tribune.comment.Comment;
import io.tribune.comment.CommentStatus;
import io.tribune.testsupport.Fixtures;
import jakarta.inject.Inject;

@QuarkusTest
class ArticlePagesTest {

    static final String LINKEDIN = "/articles/linkedin-trains-ai-on-members-data-by-default";

    @Inject
    Fixtures fixtures;

    @Test
    void linkedInStoryShowsEverythingAReaderExpects() {
        given().get(LINKEDIN).then().statusCode(200)
                .header("Set-Cookie", nullValue())
                .body(containsString("<h1>LinkedIn"))
                .body(containsString("<p class=\"kicker\"><a href=\"/sections/privacy\">Privacy</a></p>"))
                .body(containsString("class=\"byline\""))
                .body(containsString("Data for Generative AI improvement"))
                .body(containsString("<strong>Update</strong>"))
                .body(containsString("Information Commissioner"))
                .body(containsString("<figcaption>"))
                .body(containsString("Comments</h2>"))
                .body(containsString("Robust, respectful debate is welcome"))
                .body(containsString("href=\"/policy\""))
                .body(containsString("Up "))
                .body(containsString("class=\"replies\""));
    }

    @Test
    void repliesAreNestedUnderTheirParentInOrder() {
        Article article = fixtures.article("Nesting test");
        User alice = fixtures.user(Fixtures.unique("alice"));
        User bob = fixtures.user(Fixtures.unique("bob"));
        Comment first = fixtures.comment(article, null, alice, "First top-level");
        Comment reply = fixtures.comment(article, first, bob, "Reply to first");
        fixtures.comment(article, reply, alice, "Reply to the reply");
        fixtures.comment(article, null, bob, "Second top-level");

        String html = given().get("/articles/" + article.slug).then().statusCode(200)
                .body(containsString("4 Comments")).extract().asString();
        int a = html.indexOf("First top-level");
        int b = html.indexOf("Reply to first");
        int c = html.indexOf("Reply to the reply");
        int d = html.indexOf("Second top-level");
        assertTrue(a > 0 && a < b && b < c && c < d, "oldest-first thread order");
        String firstThread = html.substring(a, d);
        assertTrue(firstThread.split("class=\"replies\"", -1).length - 1 == 2, "two nested reply lists");

        String newest = given().get("/articles/" + article.slug + "?sort=newest").then().statusCode(200)
                .extract().asString();
        assertTrue(newest.indexOf("Second top-level") < newest.indexOf("First top-level"), "newest first");
    }

    @Test
    void topSortOrdersThreadsByVotes() {
        Article article = fixtures.article("Top sort test");
        User alice = fixtures.user(Fixtures.unique("alice"));
        fixtures.comment(article, null, alice, "Few votes");
        Comment popular = fixtures.comment(article, null, alice, "Many votes");
        fixtures.setVotes(popular, 5);
        String html = given().get("/articles/" + article.slug + "?sort=top").then().statusCode(200)
                .extract().asString();
        assertTrue(html.indexOf("Many votes") < html.indexOf("Few votes"));
        assertTrue(html.contains("Up 5"));
    }

    @Test
    void bogusSortFallsBackToOldest() {
        given().get(LINKEDIN + "?sort=bogus").then().statusCode(200)
                .body(containsString("<strong aria-current=\"true\">oldest</strong>"));
        given().get(LINKEDIN + "?page=abc").then().statusCode(400);
        given().get(LINKEDIN + "?page=-1").then().statusCode(400);
        given().get(LINKEDIN + "?page=99").then().statusCode(404);
    }

    @Test
    void removedAndDeletedCommentsWithRepliesKeepTheThreadShape() {
        Article article = fixtures.article("Placeholder test");
        User alice = fixtures.user(Fixtures.unique("alice"));
        Comment removed = fixtures.comment(article, null, alice, "Secret abusive words", CommentStatus.REMOVED);
        fixtures.comment(article, removed, alice, "A reply that stays");
        Comment deleted = fixtures.comment(article, null, alice, "Deleted text", CommentStatus.DELETED);
        fixtures.comment(article, deleted, alice, "Another reply that stays");
        fixtures.comment(article, null, alice, "Removed without replies", CommentStatus.REMOVED);

        given().get("/articles/" + article.slug).then().statusCode(200)
                .body(containsString("Comment removed by a moderator"))
                .body(containsString("Comment deleted by its author"))
                .body(containsString("A reply that stays"))
                .body(containsString("Another reply that stays"))
                .body(not(containsString("Secret abusive words")))
                .body(not(containsString("Deleted text")))
                .body(not(containsString("Removed without replies")));
    }

    @Test
    void scriptInCommentsAndHeadlinesIsEscaped() {
        Article article = fixtures.article("<script>alert('headline')</script>");
        User alice = fixtures.user(Fixtures.unique("alice"));
        fixtures.comment(article, null, alice, "<script>alert('x')</script> and <img src=x onerror=alert(1)> "
                + "[click](javascript:alert(1))");
        given().get("/articles/" + article.slug).then().statusCode(200)
                .body(not(containsString("<script>alert")))
                .body(not(containsString("<img src=x")))
                .body(not(containsString("href=\"javascript")))
                .body(containsString("&lt;script&gt;alert("));
    }

    @Test
    void unknownArticleIsNotFound() {
        given().get("/articles/no-such-article").then().statusCode(404).body(containsString("Page not found"));
    }

    @Test
    void commentPermalinkRedirectsToItsAnchor() {
        Article article = fixtures.article("Permalink test");
        User alice = fixtures.user(Fixtures.unique("alice"));
        Comment c = fixtures.comment(article, null, alice, "Link to me");
        given().redirects().follow(false).get("/comments/" + c.id).then().statusCode(303)
                .header("Location", endsWith("/articles/" + article.slug + "#c" + c.id));
        given().redirects().follow(false).get("/comments/999999999").then().statusCode(404);
        given().redirects().follow(false).get("/comments/abc").then().statusCode(404);
        given().redirects().follow(false).get("/comments/-5").then().statusCode(404);
    }

    @Test
    void policyPageStatesTheNumbersFromConfiguration() {
        given().get("/policy").then().statusCode(200)
                .body(containsString("expires after 180 days"))
                .body(containsString("With 2 active strikes"))
                .body(containsString("With 3 active strikes"))
                .body(containsString("suspended for 7 days"));
    }
}
