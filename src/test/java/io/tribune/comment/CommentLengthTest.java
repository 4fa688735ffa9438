package io.tribune.comment;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.tribune.account.User;
import io.tribune.article.Article;
import io.tribune.config.TribuneConfig;
import io.tribune.testsupport.Fixtures;
import io.tribune.testsupport.Sessions;
import jakarta.inject.Inject;

/**
 * The comment boxes' {@code maxlength} is the configured maximum ({@code tribune.comments.max-length}), and a comment
 * the box lets through is accepted: browsers count a line break as one character but send it as CRLF.
 */
@QuarkusTest
class CommentLengthTest {

    static final Pattern BODY_MAXLENGTH = Pattern.compile("<textarea[^>]*name=\"body\"[^>]*maxlength=\"(\\d+)\"");

    @Inject
    Fixtures fixtures;
    @Inject
    TribuneConfig config;

    @Test
    void everyCommentBoxTakesItsMaximumFromConfiguration() {
        int max = config.comments().maxLength();
        Article article = fixtures.article("Comment length " + System.nanoTime());
        Sessions.Session me = Sessions.newUser("lengthy");
        Comment mine = fixtures.comment(article, null, User.findByUsername(me.username()).orElseThrow(), "Mine to edit");
        for (String page : List.of("/articles/" + article.slug, "/comments/" + mine.id + "/reply",
                "/comments/" + mine.id + "/edit")) {
            String html = me.given().get(page).then().statusCode(200).extract().asString();
            Matcher m = BODY_MAXLENGTH.matcher(html);
            int boxes = 0;
            while (m.find()) {
                assertEquals(max, Integer.parseInt(m.group(1)), "maxlength of a comment box on " + page);
                boxes++;
            }
            assertFalse(boxes == 0, "a comment box with a maxlength on " + page);
        }
    }

    @Test
    void aCommentAsLongAsTheBoxAllowsIsAcceptedWithItsLineBreaks() {
        int max = config.comments().maxLength();
        Article article = fixtures.article("Line breaks " + System.nanoTime());
        Sessions.Session me = Sessions.newUser("linebreaks");
        String line = "x".repeat(99) + "\n"; // 100 characters as the browser counts them
        String typed = line.repeat(max / 100 - 1) + "y".repeat(100); // exactly the maximum, 49 line breaks
        assertEquals(max, typed.length());
        String sent = typed.replace("\n", "\r\n"); // as the browser submits it
        String location = me.form().formParam("article", article.slug).formParam("body", sent).post("/comments")
                .then().statusCode(303).extract().header("Location");
        Comment stored = Comment.findById(Long.parseLong(location.replaceAll(".*#c", "")));
        assertEquals(typed, stored.body, "stored with the line breaks as typed");

        fixtures.ageAllBy(User.findByUsername(me.username()).orElseThrow(), java.time.Duration.ofMinutes(2));
        String tooLong = sent + "z";
        me.form().formParam("article", article.slug).formParam("body", tooLong).post("/comments").then().statusCode(400)
                .body(containsString("at most " + max + " characters; this one has " + (max + 1)))
                .body(containsString("yz</textarea>"));
    }
}
