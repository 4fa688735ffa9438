package io.tribune.reading;

import static org.hamcrest.Matchers.both;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.tribune.account.User;
import io.tribune.account.UserStatus;
import io.tribune.article.Article;
import io.tribune.comment.Comment;
import io.tribune.testsupport.Fixtures;
import io.tribune.testsupport.Sessions;
import io.tribune.testsupport.Sessions.Session;
import jakarta.inject.Inject;

/**
 * {@code POST /comments/actions}, the article page's one form: each action with the comment id as the button's
 * value, with the same outcomes as the routes of their own ({@code /comments/{id}/vote}, {@code /mute},
 * {@code /unmute}) for every kind of account, a token checked, and bad input refused with a 400 or 404.
 */
@QuarkusTest
class CommentActionsTest {

    private static final Pattern MESSAGE = Pattern.compile("<h1>(.*?)</h1>\\s*<p>(.*?)</p>", Pattern.DOTALL);

    @Inject
    Fixtures fixtures;

    @Test
    void aVoteTogglesAndGoesBackToTheCommentOrAnswersTheNewButton() {
        Session reader = Sessions.newUser("actions-voter");
        Article article = fixtures.article("Actions: votes");
        Comment comment = fixtures.comment(article, null, fixtures.user(Fixtures.unique("actions-author")), "Vote here");

        reader.form().formParam("vote", comment.id).post("/comments/actions").then().statusCode(303)
                .header("Location", endsWith("/articles/" + article.slug + "#c" + comment.id));
        assertEquals(1, fixtures.reload(comment).voteCount);

        String button = reader.form().header("HX-Request", "true").formParam("vote", comment.id).post("/comments/actions")
                .then().statusCode(200).extract().asString();
        assertTrue(button.contains("<button form=\"comment-actions\" name=\"vote\" value=\"" + comment.id
                + "\" aria-pressed=\"false\">Up 0</button>"), button);
        assertTrue(button.contains("<p id=\"live-status\" data-hx-swap-oob=\"innerHTML\">You took back your up-vote: 0 up-votes.</p>"),
                button);
        assertFalse(button.contains("<html"), "a fragment");
        assertEquals(0, fixtures.reload(comment).voteCount);

        Comment own = fixtures.comment(article, null, user(reader), "Mine");
        sameOutcome(reader, "vote", own.id, "/comments/" + own.id + "/vote", 403);
        assertEquals(0, fixtures.reload(own).voteCount);
    }

    @Test
    void muteAndUnmuteGoBackToTheCommentAndRefuseWhatTheirRoutesRefuse() {
        Session reader = Sessions.newUser("actions-muter");
        Article article = fixtures.article("Actions: mutes");
        User noisy = fixtures.user(Fixtures.unique("actions-noisy"));
        Comment comment = fixtures.comment(article, null, noisy, "Loud");

        reader.form().formParam("mute", comment.id).post("/comments/actions").then().statusCode(303)
                .header("Location", endsWith("/comments/" + comment.id));
        assertTrue(page(reader, article).contains("name=\"unmute\" value=\"" + comment.id + "\">Unmute</button>"),
                "folded, with Unmute");
        sameOutcome(reader, "mute", comment.id, "/comments/" + comment.id + "/mute", 409);

        reader.form().formParam("unmute", comment.id).post("/comments/actions").then().statusCode(303)
                .header("Location", endsWith("/comments/" + comment.id));
        assertTrue(page(reader, article).contains("name=\"mute\" value=\"" + comment.id + "\">Mute</button>"));
        sameOutcome(reader, "unmute", comment.id, "/comments/" + comment.id + "/unmute", 409);

        Comment own = fixtures.comment(article, null, user(reader), "Mine");
        sameOutcome(reader, "mute", own.id, "/comments/" + own.id + "/mute", 400);
    }

    @Test
    void suspendedDeregisteredAndUnverifiedReadersMayMuteButNotVote() {
        Article article = fixtures.article("Actions: who may");
        Comment comment = fixtures.comment(article, null, fixtures.user(Fixtures.unique("actions-other")), "Vote on me");
        record Kind(String name, Consumer<User> apply) {
        }
        for (Kind kind : new Kind[] {
                new Kind("suspended", u -> {
                    u.status = UserStatus.SUSPENDED;
                    u.suspendedUntil = Instant.now().plus(Duration.ofDays(7));
                }),
                new Kind("deregistered", u -> u.status = UserStatus.DEREGISTERED),
                new Kind("unverified", u -> u.emailVerifiedAt = null) }) {
            Session session = Sessions.newUser("actions-" + kind.name());
            QuarkusTransaction.requiringNew().run(() -> kind.apply().accept(User.findByUsername(session.username()).orElseThrow()));

            sameOutcome(session, "vote", comment.id, "/comments/" + comment.id + "/vote", 403);
            session.form().header("HX-Request", "true").formParam("vote", comment.id).post("/comments/actions").then()
                    .statusCode(403);
            assertEquals(0, fixtures.reload(comment).voteCount, kind.name() + " cannot vote");

            // muting only hides things from themselves: allowed, as on its own route
            session.form().formParam("mute", comment.id).post("/comments/actions").then().statusCode(303);
            session.form().formParam("unmute", comment.id).post("/comments/actions").then().statusCode(303);
        }
    }

    @Test
    void aLoggedOutVisitorIsSentToLogInAndNothingHappens() {
        Article article = fixtures.article("Actions: logged out");
        Comment comment = fixtures.comment(article, null, fixtures.user(Fixtures.unique("actions-lo")), "Vote on me");
        Sessions.Csrf csrf = Sessions.csrf("/login");
        Response answer = csrf.form().formParam("vote", comment.id).post("/comments/actions");
        Response old = csrf.form().post("/comments/" + comment.id + "/vote");
        assertEquals(old.statusCode(), answer.statusCode());
        assertEquals(302, answer.statusCode(), answer.asString());
        assertTrue(answer.header("Location").contains("/login"), answer.header("Location"));
        assertEquals(0, fixtures.reload(comment).voteCount);
    }

    @Test
    void aPostWithoutTheTokenIsRefused() {
        Session reader = Sessions.newUser("actions-csrf");
        Article article = fixtures.article("Actions: token");
        Comment comment = fixtures.comment(article, null, fixtures.user(Fixtures.unique("actions-c")), "Vote on me");
        reader.given().contentType("application/x-www-form-urlencoded").formParam("vote", comment.id)
                .post("/comments/actions").then().statusCode(400);
        reader.given().contentType("application/x-www-form-urlencoded").formParam("csrf-token", "not-the-token")
                .formParam("mute", comment.id).post("/comments/actions").then().statusCode(400);
        reader.given().contentType("application/x-www-form-urlencoded").header("HX-Request", "true")
                .formParam("vote", comment.id).post("/comments/actions").then().statusCode(400);
        assertEquals(0, fixtures.reload(comment).voteCount);
        assertFalse(page(reader, article).contains("Unmute"), "not muted");
    }

    @Test
    void badInputIsA400OrA404NeverA500() {
        Session reader = Sessions.newUser("actions-bad");
        Article article = fixtures.article("Actions: bad input");
        Comment comment = fixtures.comment(article, null, fixtures.user(Fixtures.unique("actions-b")), "Vote on me");

        for (String id : new String[] { "", "abc", "-1", "0", "1.5", "999999999999", "99999999999999999999999",
                "%00", "<script>" }) {
            for (String action : new String[] { "vote", "mute", "unmute" }) {
                reader.form().formParam(action, id).post("/comments/actions").then().statusCode(404);
            }
        }
        reader.form().post("/comments/actions").then().statusCode(400)
                .body(containsString(CommentActions.ONE_ACTION));
        reader.form().formParam("vote", comment.id).formParam("mute", comment.id).post("/comments/actions").then()
                .statusCode(400).body(containsString(CommentActions.ONE_ACTION));
        reader.form().formParam("vote", comment.id).formParam("vote", comment.id).post("/comments/actions").then()
                .statusCode(400);
        reader.form().formParam("delete", comment.id).post("/comments/actions").then().statusCode(400);
        reader.given().contentType("application/json").body("{\"vote\": " + comment.id + "}").post("/comments/actions")
                .then().statusCode(both(greaterThanOrEqualTo(400)).and(lessThan(500)));
        reader.given().get("/comments/actions").then().statusCode(both(greaterThanOrEqualTo(400)).and(lessThan(500)));
        assertEquals(0, fixtures.reload(comment).voteCount);
    }

    /** The action through the page's form answers as its own route does: status, title and message. */
    private static void sameOutcome(Session session, String action, long id, String route, int status) {
        Response mine = session.form().formParam(action, id).post("/comments/actions");
        Response theirs = session.form().post(route);
        assertEquals(status, theirs.statusCode(), route + ": " + theirs.asString());
        assertEquals(status, mine.statusCode(), action + ": " + mine.asString());
        assertEquals(message(theirs.asString()), message(mine.asString()), action + " says what " + route + " says");
    }

    private static String message(String html) {
        Matcher m = MESSAGE.matcher(html);
        if (m.find()) {
            return m.group(1) + ": " + m.group(2);
        }
        Matcher alert = Pattern.compile("role=\"alert\">(.*?)</p>").matcher(html);
        assertTrue(alert.find(), "a message in " + html);
        return alert.group(1);
    }

    private static String page(Session session, Article article) {
        return session.given().get("/articles/" + article.slug).then().statusCode(200).extract().asString();
    }

    private static User user(Session session) {
        return QuarkusTransaction.requiringNew().call(() -> User.findByUsername(session.username()).orElseThrow());
    }

}
