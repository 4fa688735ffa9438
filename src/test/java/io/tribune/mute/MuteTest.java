package io.tribune.mute;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

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
import jakarta.persistence.EntityManager;

/**
 * A reader mutes another user: that user's comments fold for the muter alone (the shared logged-in page, another
 * reader's page and the anonymous page are untouched), send the muter no reply or mention notices, and the muter
 * manages the list on /settings. Muting oneself or twice is refused with a reason; an unknown user is a 404.
 */
@QuarkusTest
class MuteTest {

    private static final String FOLD = "<details class=\"muted\"><summary>Comment by a muted user — show</summary>";

    @Inject
    Fixtures fixtures;
    @Inject
    EntityManager em;

    @Test
    void mutedCommentsFoldForTheMuterOnly() {
        Article article = fixtures.article("Muted comments");
        Session muter = Sessions.newUser("muter");
        Session bystander = Sessions.newUser("bystander");
        User tiresome = fixtures.user(Fixtures.unique("tiresome"));
        User pleasant = fixtures.user(Fixtures.unique("pleasant"));
        Comment noisy = fixtures.comment(article, null, tiresome, "Noise from the tiresome one");
        Comment calm = fixtures.comment(article, null, pleasant, "A calm remark");

        // from a comment's menu (its author), back to the comment
        muter.form().post("/comments/" + noisy.id + "/mute").then().statusCode(303)
                .header("Location", containsString("/comments/" + noisy.id));

        String mine = page(muter, article);
        String folded = around(mine, noisy.id);
        assertTrue(folded.contains(FOLD), "folded for the muter: " + folded);
        assertTrue(folded.contains("Noise from the tiresome one"), "still there, behind \"show\"");
        assertTrue(folded.contains("name=\"unmute\" value=\"" + noisy.id + "\""), "and can be unmuted from there");
        assertFalse(around(mine, calm.id).contains(FOLD), "other people's comments are not folded");
        assertFalse(page(bystander, article).contains(FOLD), "another reader sees nothing folded");
        String anonymous = given().get("/articles/" + article.slug).then().statusCode(200).extract().asString();
        assertFalse(anonymous.contains(FOLD) || anonymous.contains("muted"), "nothing on the anonymous page");
        assertFalse(page(bystander, article).contains("name=\"unmute\" value=\"" + noisy.id + "\""));

        // the muted user is not told: their profile says nothing to others
        bystander.given().get("/users/" + tiresome.username).then().statusCode(200).body(not(containsString("muted")));
        muter.given().get("/users/" + tiresome.username).then().statusCode(200)
                .body(containsString("action=\"/users/" + tiresome.username + "/unmute\""));

        // unmuted from /settings, where the list is
        muter.given().get("/settings").then().statusCode(200).body(containsString("@" + tiresome.username))
                .body(containsString("action=\"/users/" + tiresome.username + "/unmute\""));
        muter.form().formParam("back", "settings").post("/users/" + tiresome.username + "/unmute").then().statusCode(303)
                .header("Location", containsString("/settings#muted"));
        assertFalse(page(muter, article).contains(FOLD), "unfolded once unmuted");
        muter.given().get("/settings").then().body(containsString("You have muted nobody."));
    }

    @Test
    void aMutedUserSendsTheMuterNoReplyOrMentionNotices() {
        Article article = fixtures.article("Muted notices");
        Session muter = Sessions.newUser("muted-notices");
        Session tiresome = Sessions.newUser("noisy");
        Session friend = Sessions.newUser("friend");
        post(muter, article, null, "My own point").then().statusCode(303);
        long mine = latestBy(muter.username());
        muter.form().post("/users/" + tiresome.username() + "/mute").then().statusCode(303)
                .header("Location", containsString("/users/" + tiresome.username()));

        post(tiresome, article, mine, "A reply to you, @" + muter.username()).then().statusCode(303);
        long fromMuted = latestBy(tiresome.username());
        post(friend, article, mine, "A friendly reply, @" + muter.username()).then().statusCode(303);
        long fromFriend = latestBy(friend.username());
        assertEquals(0, notices(muter.username(), fromMuted), "no reply or mention notice from a muted user");
        assertEquals(1, notices(muter.username(), fromFriend), "others still notify");

        // unmuted, they notify again
        muter.form().post("/users/" + tiresome.username() + "/unmute").then().statusCode(303);
        fixtures.ageAllBy(user(tiresome.username()), Duration.ofSeconds(30));
        post(tiresome, article, null, "Now a mention of @" + muter.username()).then().statusCode(303);
        assertEquals(1, notices(muter.username(), latestBy(tiresome.username())));
    }

    @Test
    void aMutedModeratorsModerationNoticesStillArrive() {
        Article article = fixtures.article("Muted moderator");
        Session muter = Sessions.newUser("mute-mod-notices");
        Session moderator = Sessions.newUser("mute-moddy", "moderator");
        post(muter, article, null, "A comment a moderator will remove").then().statusCode(303);
        long mine = latestBy(muter.username());
        muter.form().post("/users/" + moderator.username() + "/mute").then().statusCode(303);
        moderator.form().formParam("action", "remove").formParam("reason", "off-topic").formParam("back", "reported")
                .post("/admin/comments/" + mine + "/decision").then().statusCode(303);
        assertEquals(1, notices(muter.username(), mine), "the removal is told, whoever the muter muted");
        muter.given().get("/notifications").then().statusCode(200).body(containsString("A moderator removed your comment"));
    }

    @Test
    void muteYourselfTwiceOrAnUnknownUserIsRefusedClearly() {
        Session muter = Sessions.newUser("mute-bad");
        User other = fixtures.user(Fixtures.unique("mute-other"));
        muter.form().post("/users/" + muter.username() + "/mute").then().statusCode(400)
                .body(containsString("You cannot mute yourself."));
        muter.form().post("/users/" + other.username + "/mute").then().statusCode(303);
        muter.form().post("/users/" + other.username + "/mute").then().statusCode(409)
                .body(containsString("You have already muted @" + other.username + "."));
        muter.form().post("/users/no-such-user-to-mute/mute").then().statusCode(404);
        muter.form().post("/users/no-such-user-to-mute/unmute").then().statusCode(404);
        muter.form().post("/comments/999999999/mute").then().statusCode(404);
        muter.form().post("/comments/not-a-number/mute").then().statusCode(404);
        muter.form().post("/users/" + other.username + "/unmute").then().statusCode(303);
        muter.form().post("/users/" + other.username + "/unmute").then().statusCode(409)
                .body(containsString("You have not muted @" + other.username + "."));
        // without a token nothing happens; without a session neither
        muter.given().contentType("application/x-www-form-urlencoded").post("/users/" + other.username + "/mute")
                .then().statusCode(400);
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .post("/users/" + other.username + "/mute").then().statusCode(org.hamcrest.Matchers.not(303));
        assertEquals(0, mutes(muter.username()));
    }

    @Test
    void suspendedAndDeregisteredUsersStillManageTheirOwnMutes() {
        for (UserStatus status : new UserStatus[] { UserStatus.SUSPENDED, UserStatus.DEREGISTERED }) {
            Session sanctioned = Sessions.newUser("mute-" + status.name().toLowerCase().substring(0, 4));
            User other = fixtures.user(Fixtures.unique("mute-them"));
            QuarkusTransaction.requiringNew().run(() -> {
                User u = User.findByUsername(sanctioned.username()).orElseThrow();
                u.status = status;
                if (status == UserStatus.SUSPENDED) {
                    u.suspendedUntil = java.time.Instant.now().plus(Duration.ofDays(3));
                }
            });
            sanctioned.form().post("/users/" + other.username + "/mute").then().statusCode(303);
            sanctioned.given().get("/settings").then().statusCode(200).body(containsString("@" + other.username));
            sanctioned.form().formParam("back", "settings").post("/users/" + other.username + "/unmute").then().statusCode(303);
            assertEquals(0, mutes(sanctioned.username()), status + " unmuted");
        }
    }

    @Test
    void mutesAreInTheMutersExportAndGoWithADeletedAccount() {
        Session muter = Sessions.newUser("mute-export");
        Session muted = Sessions.newUser("mute-deleted");
        muter.form().post("/users/" + muted.username() + "/mute").then().statusCode(303);
        muter.given().get("/settings/export").then().statusCode(200)
                .body("muted.username", org.hamcrest.Matchers.contains(muted.username()));
        muted.given().get("/settings/export").then().statusCode(200)
                .body("muted", org.hamcrest.Matchers.empty()); // the muted user is not told, not even here
        Article article = fixtures.article("Visits of a deleted account");
        muted.given().get("/articles/" + article.slug).then().statusCode(200);
        muted.form().formParam("password", Sessions.PASSWORD).formParam("comments", "keep").post("/settings/delete")
                .then().statusCode(org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(200), org.hamcrest.Matchers.is(303)));
        assertEquals(0, mutes(muter.username()), "a deleted account is muted by nobody");
        muter.given().get("/settings").then().body(containsString("You have muted nobody."));
    }

    private static String page(Session session, Article article) {
        return session.given().get("/articles/" + article.slug).then().statusCode(200).extract().asString();
    }

    /** The markup of one comment's list item, up to its replies. */
    private static String around(String html, long commentId) {
        int start = html.indexOf("id=\"c" + commentId + "\"");
        assertTrue(start >= 0, "comment " + commentId + " on the page");
        int end = html.indexOf("</li>", start);
        return html.substring(start, end);
    }

    private static Response post(Session session, Article article, Long parent, String body) {
        var form = session.form().formParam("article", article.slug).formParam("body", body).formParam("action", "post");
        if (parent != null) {
            form = form.formParam("parentId", parent);
        }
        return form.post("/comments");
    }

    private static User user(String username) {
        return QuarkusTransaction.requiringNew().call(() -> User.findByUsername(username).orElseThrow());
    }

    private static long latestBy(String username) {
        return QuarkusTransaction.requiringNew().call(() -> Comment.<Comment>find("author.username = ?1 order by id desc",
                username).firstResult().id);
    }

    private long notices(String username, long commentId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from notice n join app_user u on u.id = n.user_id where u.username = ?1 and n.comment_id = ?2")
                .setParameter(1, username).setParameter(2, commentId).getSingleResult()).longValue());
    }

    private long mutes(String username) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from user_mute m join app_user u on u.id = m.muter_id where u.username = ?1")
                .setParameter(1, username).getSingleResult()).longValue());
    }
}
