package io.tribune.reading;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.tribune.article.Article;
import io.tribune.testsupport.Fixtures;
import io.tribune.testsupport.HtmlValidator;
import io.tribune.testsupport.Sessions;
import io.tribune.testsupport.Sessions.Session;
import jakarta.inject.Inject;

/**
 * Issue 16: a commenter's article page is at most 1.3 times the bytes of the anonymous page of the same article.
 * What a commenter gets more is their header, their comment box and each comment's actions (one token per page:
 * the buttons carry the comment id as their value, Reply and Report are plain links).
 */
@QuarkusTest
class LoggedInPageSizeTest {

    private static final Pattern COMMENT = Pattern.compile("<li class=\"comment[^\"]*\" id=\"c\\d+\">");

    @Inject
    Fixtures fixtures;

    @Test
    void aCommentersPageOfManyCommentsIsAtMost130PercentOfTheAnonymousPage() {
        Article article = fixtures.article("Page size " + System.nanoTime());
        fixtures.comments(article, fixtures.user(Fixtures.unique("size-author")), 200);
        Session reader = Sessions.newUser("size-reader");

        String anonymous = given().get("/articles/" + article.slug).then().statusCode(200).extract().asString();
        String loggedIn = reader.given().get("/articles/" + article.slug).then().statusCode(200).extract().asString();
        int anonymousBytes = anonymous.getBytes(StandardCharsets.UTF_8).length;
        int loggedInBytes = loggedIn.getBytes(StandardCharsets.UTF_8).length;
        long comments = COMMENT.matcher(anonymous).results().count();
        assertEquals(comments, COMMENT.matcher(loggedIn).results().count(), "the same comments on both pages");
        assertTrue(comments >= 100, comments + " comments on the page");
        assertTrue(loggedIn.contains("name=\"vote\"") && loggedIn.contains("/reply\">Reply</a>"), "with their actions");

        String sizes = "anonymous " + anonymousBytes + " bytes, logged-in " + loggedInBytes + " bytes ("
                + String.format("%.3f", (double) loggedInBytes / anonymousBytes) + "×), " + comments + " comments, "
                + (loggedInBytes - anonymousBytes) / comments + " bytes more per comment";
        System.out.println("LoggedInPageSizeTest: " + sizes);
        assertTrue(loggedInBytes * 10L <= anonymousBytes * 13L, sizes);
        HtmlValidator.assertValid("/articles/" + article.slug + " (logged in)", loggedIn);
    }
}
