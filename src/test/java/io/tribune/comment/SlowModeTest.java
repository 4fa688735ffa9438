package io.tribune.comment;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tribune.account.User;
import io.tribune.article.Article;
import io.tribune.moderation.ModerationAction;
import io.tribune.testsupport.Fixtures;
import io.tribune.testsupport.Sessions;
import io.tribune.testsupport.Sessions.Session;
import jakarta.inject.Inject;

/**
 * Slow mode: a moderator sets the least time between two comments of one person on an article; a comment (or reply)
 * inside it is refused with the exact wait and the text kept, on the form and in the JSON API; 0 turns it off;
 * moderators and editors are exempt; every change is in the audit log.
 */
@QuarkusTest
class SlowModeTest {

    private static final Pattern WAIT = Pattern.compile("you can comment again in 1 minute (\\d+) seconds?\\.");

    @Inject
    Fixtures fixtures;

    @Test
    void aCommentInsideTheIntervalIsRefusedWithTheExactWaitAndTheTextKept() {
        Article article = fixtures.article("Slow mode refusal");
        Session moderator = Sessions.newUser("slow-mod", "moderator");
        setSlowMode(moderator, article, "120").then().statusCode(303);

        Session reader = Sessions.newUser("slow-reader");
        User author = user(reader);
        reader.given().get("/articles/" + article.slug).then().statusCode(200)
                .body(containsString("Slow mode: one comment every 2 minutes"));
        post(reader, article, null, "First thoughts on slow mode").then().statusCode(303);
        Comment first = latestBy(author);
        // the first comment was posted 48 seconds ago (flood control, 15 s, is long past): 72 seconds remain
        fixtures.age(first, Duration.ofSeconds(48));

        String page = post(reader, article, null, "A second thought, typed with care").then().statusCode(429)
                .extract().asString();
        Matcher wait = WAIT.matcher(page);
        assertTrue(wait.find(), "the exact wait in words: " + page);
        int seconds = Integer.parseInt(wait.group(1));
        assertTrue(seconds >= 10 && seconds <= 12, "1 minute 12 seconds, less the test's own time: " + wait.group());
        assertTrue(page.contains("A second thought, typed with care</textarea>"), "what was typed is kept");

        // replies count too, and the JSON API answers 429 with the field
        post(reader, article, first.id, "A reply inside the interval").then().statusCode(429)
                .body(containsString("you can comment again in 1 minute"));
        reader.given().contentType(ContentType.JSON).header("X-CSRF-TOKEN", reader.csrfToken())
                .body("{\"body\": \"From the API, too soon\"}").post("/api/articles/" + article.slug + "/comments")
                .then().statusCode(429).body("field", equalTo("body"))
                .body("message", matchesPattern("Slow mode is on for this article: you can comment again in 1 minute \\d+ seconds?\\."));

        // past the interval the same person comments again
        fixtures.age(first, Duration.ofSeconds(80));
        post(reader, article, null, "A second thought, typed with care").then().statusCode(303);
    }

    @Test
    void offMeansNoLimitAndModeratorsAndEditorsAreExempt() {
        Article article = fixtures.article("Slow mode off");
        Session moderator = Sessions.newUser("slow-off-mod", "moderator");
        setSlowMode(moderator, article, "3600").then().statusCode(303);
        setSlowMode(moderator, article, "0").then().statusCode(303);
        assertEquals(0, fixtures.reload(article).slowModeSeconds);

        Session reader = Sessions.newUser("slow-off-reader");
        reader.given().get("/articles/" + article.slug).then().statusCode(200)
                .body(org.hamcrest.Matchers.not(containsString("Slow mode:")));
        post(reader, article, null, "One").then().statusCode(303);
        fixtures.ageAllBy(user(reader), Duration.ofSeconds(20)); // past flood control only
        post(reader, article, null, "Two").then().statusCode(303);

        setSlowMode(moderator, article, "3600").then().statusCode(303);
        fixtures.ageAllBy(user(reader), Duration.ofSeconds(20));
        post(reader, article, null, "Three").then().statusCode(429)
                .body(containsString("you can comment again in 59 minutes"));
        Session editor = Sessions.newUser("slow-editor", "editor");
        post(editor, article, null, "An editor's note").then().statusCode(303);
        fixtures.ageAllBy(user(editor), Duration.ofSeconds(20));
        post(editor, article, null, "And another").then().statusCode(303);
        post(moderator, article, null, "A moderator's note").then().statusCode(303);
        fixtures.ageAllBy(user(moderator), Duration.ofSeconds(20));
        post(moderator, article, null, "And another from the moderator").then().statusCode(303);
    }

    @Test
    void theBoundsAreExactAndEveryChangeIsAudited() {
        Article article = fixtures.article("Slow mode bounds");
        Session moderator = Sessions.newUser("slow-bounds-mod", "moderator");
        for (String refused : List.of("-1", "86401", "1.5", "abc", "", "99999999999")) {
            setSlowMode(moderator, article, refused).then().statusCode(400)
                    .body(containsString("Slow mode is a whole number of seconds from 0 (off) to 86400 (one day)."));
        }
        assertEquals(0, fixtures.reload(article).slowModeSeconds, "nothing refused was stored");
        setSlowMode(moderator, article, "86400").then().statusCode(303);
        assertEquals(86_400, fixtures.reload(article).slowModeSeconds);
        setSlowMode(moderator, article, "0").then().statusCode(303);
        assertEquals(0, fixtures.reload(article).slowModeSeconds);

        // from the queue's thread switch, a refusal comes back to the queue with its message
        moderator.form().formParam("slowModeSeconds", "86401").formParam("back", "reported")
                .post("/admin/threads/" + article.slug + "/slow-mode").then().statusCode(303)
                .header("Location", containsString("/admin/queues/reported?error="));
        moderator.form().formParam("slowModeSeconds", "120").formParam("back", "reported")
                .post("/admin/threads/" + article.slug + "/slow-mode").then().statusCode(303)
                .header("Location", containsString("done=slow+mode+set+to+one+comment+every+2+minutes"));

        List<String> log = QuarkusTransaction.requiringNew().call(() -> ModerationAction.<ModerationAction>find(
                "action = ?1 and afterState like ?2 order by id", ModerationAction.Type.SLOW_MODE, "% on " + article.slug)
                .stream().map(a -> a.moderator.username + ": " + a.beforeState + " -> " + a.afterState).toList());
        assertEquals(List.of(
                moderator.username() + ": off -> slow mode to one comment every day on " + article.slug,
                moderator.username() + ": one comment every day -> slow mode off on " + article.slug,
                moderator.username() + ": off -> slow mode to one comment every 2 minutes on " + article.slug), log);
        moderator.given().get("/admin/log").then().statusCode(200)
                .body(containsString("set slow mode to one comment every 2 minutes on " + article.slug + " (it was off)"));

        // a commenter cannot set it
        Session commenter = Sessions.newUser("slow-commenter");
        setSlowMode(commenter, article, "60").then().statusCode(403);
    }

    @Test
    void theWaitIsSaidInWords() {
        assertEquals("1 minute 12 seconds", SlowMode.duration(72));
        assertEquals("2 minutes", SlowMode.interval(120));
        assertEquals("minute", SlowMode.interval(60));
        assertEquals("1 hour 1 second", SlowMode.duration(3601));
        assertEquals("1 day", SlowMode.duration(86_400));
        assertEquals("Slow mode is on for this article: you can comment again in 1 second.",
                SlowMode.tooSoon(Duration.ofMillis(200)));
    }

    private static io.restassured.response.Response setSlowMode(Session session, Article article, String seconds) {
        return session.form().formParam("slowModeSeconds", seconds).formParam("back", "article")
                .post("/admin/threads/" + article.slug + "/slow-mode");
    }

    private static io.restassured.response.Response post(Session session, Article article, Long parent, String body) {
        var form = session.form().formParam("article", article.slug).formParam("body", body).formParam("action", "post");
        if (parent != null) {
            form = form.formParam("parentId", parent);
        }
        return form.post("/comments");
    }

    private static User user(Session session) {
        return QuarkusTransaction.requiringNew().call(() -> User.findByUsername(session.username()).orElseThrow());
    }

    private static Comment latestBy(User author) {
        return QuarkusTransaction.requiringNew().call(() -> Comment.<Comment>find("author.id = ?1 order by id desc", author.id)
                .firstResult());
    }
}
