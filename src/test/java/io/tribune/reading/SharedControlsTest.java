package io.tribune.reading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.tribune.account.User;
import io.tribune.article.Article;
import io.tribune.comment.Comment;
import io.tribune.testsupport.Fixtures;
import io.tribune.testsupport.Sessions;
import io.tribune.testsupport.Sessions.Session;
import jakarta.inject.Inject;

/**
 * The comment actions a reader gets on the shared logged-in page (put together from kept bytes, or built for them)
 * are the ones the comment template renders for that reader on a page made for them alone (a whole thread,
 * {@code ?thread=}): for a comment they up-voted, one they did not, their own, and one by an author they muted.
 */
@QuarkusTest
class SharedControlsTest {

    private static final Pattern FOOTER = Pattern.compile("<footer class=\"comment-actions\">(.*?)</footer>", Pattern.DOTALL);

    @Inject
    Fixtures fixtures;

    @Test
    void sharedActionsEqualTheTemplatesForEachKindOfComment() {
        Session reader = Sessions.newUser("controls");
        Session other = Sessions.newUser("controlsother");
        Session muted = Sessions.newUser("controlsmuted");
        Article article = fixtures.article("Controls " + System.nanoTime());
        User otherUser = User.findByUsername(other.username()).orElseThrow();
        Comment root = fixtures.comment(article, null, otherUser, "The thread's first comment");
        Comment voted = fixtures.comment(article, root, otherUser, "A reply the reader up-votes");
        Comment own = fixtures.comment(article, root, User.findByUsername(reader.username()).orElseThrow(), "The reader's own");
        Comment byMuted = fixtures.comment(article, root, User.findByUsername(muted.username()).orElseThrow(), "By someone muted");
        fixtures.setVotes(root, 3);
        reader.form().post("/comments/" + voted.id + "/vote").then().statusCode(303);
        reader.form().post("/users/" + muted.username() + "/mute").then().statusCode(303);

        String shared = reader.given().get("/articles/" + article.slug).then().statusCode(200).extract().asString();
        String personal = reader.given().get("/articles/" + article.slug + "?thread=" + root.id).then().statusCode(200)
                .extract().asString();
        for (Comment c : new Comment[] { root, voted, own, byMuted }) {
            String mine = actions(shared, c.id);
            assertEquals(actions(personal, c.id), mine, "comment " + c.body);
            assertTrue(mine.contains("/comments/" + c.id + "/"), "actions of comment " + c.body);
        }
        assertTrue(actions(shared, voted.id).contains("aria-pressed=\"true\""), "the reader's up-vote");
        assertTrue(actions(shared, root.id).contains("aria-pressed=\"false\">Up 3</button>"), "the count");
        assertTrue(actions(shared, byMuted.id).contains("Unmute"), "the muted author's comment offers Unmute");
    }

    /** The actions of one comment, whitespace collapsed (the template indents, the kept bytes do not). */
    private static String actions(String page, long commentId) {
        int at = page.indexOf("id=\"c" + commentId + "\"");
        assertTrue(at > 0, "comment " + commentId + " on the page");
        Matcher footer = FOOTER.matcher(page);
        assertTrue(footer.find(at), "its actions");
        return footer.group(1).replaceAll("\\s+", " ").strip();
    }
}
