package io.tribune.reading;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.tribune.account.User;
import io.tribune.article.Article;
import io.tribune.comment.Comment;
import io.tribune.testsupport.Fixtures;
import io.tribune.testsupport.Sessions;
import jakarta.inject.Inject;

/**
 * Threads fold without JavaScript: each top-level comment is a {@code <details open>} whose summary names the author
 * and the number of replies. A long thread shows its first replies (tribune.comments.replies-shown, 5) and a plain
 * link, "N more replies", to the whole thread ({@code ?thread=}), for readers with and without an account.
 */
@QuarkusTest
class ThreadFoldTest {

    @Inject
    Fixtures fixtures;

    @Test
    void eachThreadFoldsWithItsAuthorAndReplyCount() {
        Article article = fixtures.article("Folding threads");
        User author = fixtures.user(Fixtures.unique("fold"));
        Comment root = fixtures.comment(article, null, author, "A thread to fold");
        Comment reply = fixtures.comment(article, root, author, "A reply");
        fixtures.comment(article, reply, author, "A reply to the reply");
        Comment lone = fixtures.comment(article, null, author, "A lone remark");

        for (String html : List.of(anonymous(article), Sessions.newUser("fold-reader").given()
                .get("/articles/" + article.slug).then().statusCode(200).extract().asString())) {
            String item = html.substring(html.indexOf("id=\"c" + root.id + "\""));
            assertTrue(item.startsWith("id=\"c" + root.id + "\">\n  <details class=\"thread-fold\" open>\n  <summary>Thread by "
                    + author.displayName + ", 2 replies</summary>"), item.substring(0, 200));
            String loneItem = html.substring(html.indexOf("id=\"c" + lone.id + "\""));
            assertTrue(loneItem.contains("<summary>Thread by " + author.displayName + ", 0 replies</summary>"));
            assertFalse(html.contains("class=\"more-replies\""), "short threads show every reply");
            // replies are not folded one by one
            assertEquals(2, count(html, "<details class=\"thread-fold\" open>"));
        }
    }

    @Test
    void aLongThreadShowsItsFirstRepliesAndLinksToTheRest() {
        Article article = fixtures.article("A long thread");
        User author = fixtures.user(Fixtures.unique("long"));
        Comment root = fixtures.comment(article, null, author, "Where it started");
        List<Comment> replies = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            replies.add(fixtures.comment(article, root, author, "Reply number " + i));
        }
        fixtures.comment(article, replies.get(6), author, "Under the seventh reply");
        fixtures.comment(article, replies.get(1), author, "Under the second reply");

        String html = anonymous(article);
        assertTrue(html.contains("<summary>Thread by " + author.displayName + ", 9 replies</summary>"));
        for (int i = 1; i <= 5; i++) {
            assertTrue(html.contains("Reply number " + i + "</p>"), "reply " + i + " shown");
        }
        assertTrue(html.contains("Under the second reply"), "a shown reply keeps its own replies");
        assertFalse(html.contains("Reply number 6") || html.contains("Reply number 7") || html.contains("Under the seventh"));
        String link = "<a href=\"/articles/" + article.slug + "?thread=" + root.id + "#c" + root.id + "\">3 more replies</a>";
        assertTrue(html.contains(link), "the link to the rest: " + html.substring(html.indexOf("thread-fold")));

        for (Response whole : List.of(given().get("/articles/" + article.slug + "?thread=" + root.id),
                Sessions.newUser("long-reader").given().get("/articles/" + article.slug + "?thread=" + root.id))) {
            assertEquals(200, whole.statusCode());
            String body = whole.asString();
            for (int i = 1; i <= 7; i++) {
                assertTrue(body.contains("Reply number " + i + "</p>"), "the whole thread: reply " + i);
            }
            assertTrue(body.contains("Under the seventh reply"));
            assertTrue(body.contains("The whole thread."));
            assertFalse(body.contains("more-replies"));
        }
        assertTrue(given().get("/articles/" + article.slug + "?thread=" + root.id).getCookies().isEmpty(),
                "no cookie for readers without an account");

        // only a top-level comment listed on this very article
        Article other = fixtures.article("Another article");
        for (String bad : List.of(String.valueOf(replies.get(0).id), "999999999", "abc", "-1")) {
            given().get("/articles/" + article.slug + "?thread=" + bad).then().statusCode(404);
        }
        given().get("/articles/" + other.slug + "?thread=" + root.id).then().statusCode(404);
    }

    private static String anonymous(Article article) {
        return given().get("/articles/" + article.slug).then().statusCode(200).extract().asString();
    }

    private static int count(String html, String needle) {
        int n = 0;
        for (int at = html.indexOf(needle); at >= 0; at = html.indexOf(needle, at + 1)) {
            n++;
        }
        return n;
    }
}
