package io.tribune.notification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.tribune.account.User;
import io.tribune.account.UserStatus;
import io.tribune.article.Article;
import io.tribune.comment.Comment;
import io.tribune.moderation.CommentDecisions;
import io.tribune.moderation.ReportReason;
import io.tribune.moderation.ReportService;
import io.tribune.moderation.UserSanctions;
import io.tribune.notification.outbox.OutboxMail;
import io.tribune.testsupport.Fixtures;
import io.tribune.testsupport.Sessions;
import io.tribune.testsupport.Sessions.Session;
import jakarta.inject.Inject;

/** What is notified, to whom, in the site and by email, through the real forms and the real moderation services. */
@QuarkusTest
class NotificationsTest {

    private static final Pattern COMMENT_ID = Pattern.compile("#c(\\d+)$");

    @Inject
    Fixtures fixtures;
    @Inject
    NotificationFixtures nf;
    @Inject
    CommentDecisions decisions;
    @Inject
    ReportService reports;
    @Inject
    UserSanctions sanctions;
    @Inject
    NotificationJobs jobs;

    record Scene(Article article, Session alice, User aliceUser, Comment alicesComment) {
    }

    private Scene scene(String headline) {
        Article article = fixtures.article(headline);
        Session alice = Sessions.newUser("alice");
        User aliceUser = nf.user(alice.username());
        Comment comment = fixtures.comment(article, null, aliceUser, "Alice's opening comment about " + headline);
        return new Scene(article, alice, aliceUser, comment);
    }

    private static long reply(Session who, Article article, Long parentId, String body) {
        var form = who.form().formParam("article", article.slug).formParam("body", body);
        if (parentId != null) {
            form.formParam("parentId", parentId);
        }
        String location = form.post("/comments").then().statusCode(303).extract().header("Location");
        Matcher m = COMMENT_ID.matcher(location);
        assertTrue(m.find(), location);
        return Long.parseLong(m.group(1));
    }

    @Test
    void aReplyMakesANoticeAndWhenChosenExactlyOneOutboxEmail() {
        Scene s = scene("Replies are notified");
        nf.choose(s.aliceUser.id, true, false, false, false);
        Session bob = Sessions.newUser("bob");
        long replyId = reply(bob, s.article, s.alicesComment.id, "Bob answers Alice");

        List<Notice> notices = nf.notices(s.aliceUser.id);
        assertEquals(1, notices.size());
        Notice n = notices.get(0);
        assertEquals(Notice.Kind.REPLY, n.kind);
        assertEquals(replyId, n.commentId);
        assertEquals(nf.user(bob.username()).id, n.actorId);
        assertNull(n.readAt);

        List<OutboxMail> mails = nf.outbox(s.aliceUser.email);
        assertEquals(1, mails.size(), "exactly one email");
        OutboxMail mail = mails.get(0);
        assertEquals("REPLIES", mail.kind);
        assertEquals("Tribune: Display " + bob.username() + " replied to your comment", mail.subject);
        assertTrue(mail.body.contains("Bob answers Alice"), mail.body);
        assertTrue(mail.body.contains("/comments/" + replyId), "links to the comment");
        assertTrue(mail.body.contains("/unsubscribe?token="), "one-click unsubscribe link");
        assertNotNull(mail.unsubscribeUrl);
        assertTrue(mail.nextAttemptAt.isAfter(mail.createdAt), "held for the batch window");
        assertTrue(nf.notices(nf.user(bob.username()).id).isEmpty(), "never to the one who acted");

        // the page: who, what, when, the link; the header's count
        s.alice.given().get("/notifications").then().statusCode(200)
                .body(containsString("Display " + bob.username() + "</a> replied to your comment on “Replies are notified”"))
                .body(containsString("href=\"/comments/" + replyId + "\""))
                .body(containsString("<time datetime="))
                .body(containsString("class=\"unread\""))
                .body(containsString("href=\"/notifications\" id=\"notification-link\""))
                .body(containsString("Notifications <span class=\"count\">1<span class=\"visually-hidden\"> unread</span>"));
        s.alice.given().get("/notifications/count").then().statusCode(200)
                .body(containsString("data-hx-get=\"/notifications/count\""))
                .body(containsString(">1<"));
    }

    @Test
    void repliesWithinTheBatchWindowMakeOneEmail() {
        Scene s = scene("Bursts are batched");
        nf.choose(s.aliceUser.id, true, false, false, false);
        reply(Sessions.newUser("bob"), s.article, s.alicesComment.id, "First reply");
        reply(Sessions.newUser("dave"), s.article, s.alicesComment.id, "Second reply");
        assertEquals(2, nf.notices(s.aliceUser.id).size());
        List<OutboxMail> mails = nf.outbox(s.aliceUser.email);
        assertEquals(1, mails.size());
        assertEquals(2, mails.get(0).items);
        assertEquals("Tribune: 2 new replies to your comments", mails.get(0).subject);
        assertTrue(mails.get(0).body.indexOf("First reply") < mails.get(0).body.indexOf("Second reply"));
        assertTrue(mails.get(0).body.indexOf("Second reply") < mails.get(0).body.indexOf("Stop emails about"),
                "items come before the footer");
    }

    @Test
    void optingOutStopsEmailsButNotNotices() {
        Scene s = scene("Opted out");
        // choosing through the settings form, then un-choosing
        s.alice.form().formParam("notifyReplies", "on").post("/settings/notifications").then().statusCode(303);
        assertTrue(nf.user(s.alice.username()).notifyReplies);
        s.alice.form().post("/settings/notifications").then().statusCode(303);
        assertFalse(nf.user(s.alice.username()).notifyReplies);

        reply(Sessions.newUser("bob"), s.article, s.alicesComment.id, "Nobody emails Alice");
        assertEquals(1, nf.notices(s.aliceUser.id).size(), "the notice is there");
        assertTrue(nf.outbox(s.aliceUser.email).isEmpty(), "no email");
    }

    @Test
    void aMentionNotifiesExistingActiveUsersOnlyAndLinksToTheProfile() {
        Scene s = scene("Mentions");
        Session carol = Sessions.newUser("carol");
        User carolUser = nf.user(carol.username());
        nf.choose(carolUser.id, false, true, false, false);
        Session suspended = Sessions.newUser("sus");
        nf.sql("update app_user set status = 'SUSPENDED', suspended_until = now() + interval '1 day' where username = '"
                + suspended.username() + "'");
        Session bob = Sessions.newUser("bob");
        long id = reply(bob, s.article, s.alicesComment.id, "@" + carol.username() + " and @" + suspended.username()
                + " and @nobody-here-xyz, what do you think? Also @" + s.alice.username() + " and @" + bob.username()
                + " and `@" + carol.username() + "` in code.");

        List<Notice> carols = nf.notices(carolUser.id);
        assertEquals(1, carols.size(), "one notice, though named twice");
        assertEquals(Notice.Kind.MENTION, carols.get(0).kind);
        assertEquals(id, carols.get(0).commentId);
        assertEquals(1, nf.outbox(carolUser.email).size(), "carol chose mention emails");
        assertEquals("Tribune: Display " + bob.username() + " mentioned you", nf.outbox(carolUser.email).get(0).subject);
        assertTrue(nf.notices(nf.user(suspended.username()).id).isEmpty(), "only active users are notified");
        assertTrue(nf.notices(nf.user(bob.username()).id).isEmpty(), "not the author mentioning themselves");
        List<Notice> alices = nf.notices(s.aliceUser.id);
        assertEquals(1, alices.size(), "alice is told once, of the reply");
        assertEquals(Notice.Kind.REPLY, alices.get(0).kind);

        given().get("/articles/" + s.article.slug).then().statusCode(200)
                // the sanitizer writes @ as &#64;
                .body(containsString("<a href=\"/users/" + carol.username() + "\" rel=\"nofollow noopener ugc\">&#64;" + carol.username() + "</a>"))
                .body(containsString("<code>&#64;" + carol.username() + "</code>"));
    }

    @Test
    void aReportOutcomeReachesTheReporterWithoutNamingTheModerator() {
        Scene s = scene("Reported");
        Session reporter = Sessions.newUser("rep");
        User reporterUser = nf.user(reporter.username());
        nf.choose(reporterUser.id, false, false, false, true);
        Session other = Sessions.newUser("rep2");
        String modName = Fixtures.unique("moddo");
        User mod = Sessions.verifiedUser(modName, Sessions.PASSWORD, "moderator");
        Comment kept = fixtures.comment(s.article, null, s.aliceUser, "A sharp but fair comment");

        reporter.form().formParam("reason", "abusive").post("/comments/" + s.alicesComment.id + "/report").then().statusCode(200);
        reporter.form().formParam("reason", "spam").post("/comments/" + kept.id + "/report").then().statusCode(200);
        other.form().formParam("reason", "spam").post("/comments/" + kept.id + "/report").then().statusCode(200);
        decisions.remove(mod, s.alicesComment.id, ReportReason.ABUSIVE, "private note for moderators");
        decisions.approve(mod, kept.id, null);

        List<Notice> told = nf.notices(reporterUser.id);
        assertEquals(2, told.size());
        assertEquals(Notice.Kind.REPORT_OUTCOME, told.get(0).kind);
        assertTrue(told.get(0).text.contains("has been removed"), told.get(0).text);
        assertTrue(told.get(1).text.contains("left it up"), told.get(1).text);
        assertEquals(1, nf.notices(nf.user(other.username()).id).size(), "every reporter is told");
        List<OutboxMail> mails = nf.outbox(reporterUser.email);
        assertEquals(2, mails.size(), "one email per decision, as chosen");
        for (OutboxMail m : mails) {
            assertFalse(m.body.contains(modName), "the moderator is not named");
            assertFalse(m.body.contains("private note"), m.body);
        }
        assertTrue(nf.outbox(nf.user(other.username()).email).isEmpty(), "not chosen, not emailed");
        reporter.given().get("/notifications").then().statusCode(200).body(not(containsString(modName)));
        // the report form says the reporter will be told
        reporter.given().get("/comments/" + kept.id + "/report").then().statusCode(409);
        Comment third = fixtures.comment(s.article, null, s.aliceUser, "Another comment");
        reporter.given().get("/comments/" + third.id + "/report").then().statusCode(200)
                .body(containsString("We will tell you what became of your report"));
    }

    @Test
    void oneDecisionSendsOneEmailWhateverItSetsOff() {
        Scene s = scene("One email per decision");
        User mod = Sessions.verifiedUser(Fixtures.unique("moddo"), Sessions.PASSWORD, "moderator");
        nf.choose(s.aliceUser.id, false, false, true, false);
        decisions.remove(mod, s.alicesComment.id, ReportReason.ABUSIVE, null);
        assertEquals(1, nf.outbox(s.aliceUser.email).size(), "removal + strike: one email (chosen)");
        Comment second = fixtures.comment(s.article, null, s.aliceUser, "Second strike coming");
        decisions.remove(mod, second.id, ReportReason.ABUSIVE, null);
        List<OutboxMail> mails = nf.outbox(s.aliceUser.email);
        assertEquals(2, mails.size(), "removal + strike + suspension: one more email");
        OutboxMail last = mails.get(1);
        assertTrue(last.subject.startsWith("Tribune: your comment was removed; you received a strike; your account is suspended until"),
                last.subject);
        assertEquals("MODERATION", last.kind);
        // the notices: one per thing that happened
        assertEquals(List.of(Notice.Kind.DECISION, Notice.Kind.SANCTION, Notice.Kind.DECISION, Notice.Kind.SANCTION,
                Notice.Kind.SANCTION), nf.notices(s.aliceUser.id).stream().map(n -> n.kind).toList());
    }

    @Test
    void aSanctionThatChangesAccessIsAlwaysEmailedAndSuspendedUsersStillSeeTheirNotices() {
        Scene s = scene("Always told");
        User mod = Sessions.verifiedUser(Fixtures.unique("moddo"), Sessions.PASSWORD, "moderator");
        sanctions.suspend(mod, s.alice.username(), 3, "Flame war in the comments");
        List<OutboxMail> mails = nf.outbox(s.aliceUser.email);
        assertEquals(1, mails.size(), "emailed although no email was chosen");
        assertTrue(mails.get(0).body.contains("Flame war in the comments"));
        assertTrue(mails.get(0).body.contains("How to appeal"));
        assertTrue(mails.get(0).body.contains("This email is always sent"));
        assertEquals(UserStatus.SUSPENDED, nf.user(s.alice.username()).status);
        s.alice.given().get("/notifications").then().statusCode(200)
                .body(containsString("Your account is suspended until"));
    }

    @Test
    void aRemovedCommentLeavesNoReplyNoticesBehind() {
        Scene s = scene("Removed reply");
        User mod = Sessions.verifiedUser(Fixtures.unique("moddo"), Sessions.PASSWORD, "moderator");
        long id = reply(Sessions.newUser("troll"), s.article, s.alicesComment.id, "A nasty reply");
        assertEquals(1, nf.notices(s.aliceUser.id).size());
        decisions.remove(mod, id, ReportReason.SPAM, null);
        assertTrue(nf.notices(s.aliceUser.id).isEmpty(), "nothing about a comment since removed");
    }

    @Test
    void upVoteNoticesOnlyWhenChosenAndAtMostOncePerCommentADay() {
        Scene s = scene("Up-votes");
        Session carol = Sessions.newUser("carol");
        User carolUser = nf.user(carol.username());
        Comment carols = fixtures.comment(s.article, null, carolUser, "Carol did not choose up-vote notices");
        s.alice.form().formParam("notifyUpvotes", "on").post("/settings/notifications").then().statusCode(303);
        for (String voter : List.of("v1", "v2")) {
            Session v = Sessions.newUser(voter);
            v.form().post("/comments/" + s.alicesComment.id + "/vote").then().statusCode(303);
            v.form().post("/comments/" + carols.id + "/vote").then().statusCode(303);
        }
        jobs.upvoteDigest();
        List<Notice> alices = nf.notices(s.aliceUser.id);
        assertEquals(1, alices.size());
        assertEquals(Notice.Kind.UPVOTES, alices.get(0).kind);
        assertEquals("Your comment on “Up-votes” got 2 up-votes in the last day.", alices.get(0).text);
        assertTrue(nf.notices(carolUser.id).isEmpty(), "not chosen, no notice");

        Sessions.newUser("v3").form().post("/comments/" + s.alicesComment.id + "/vote").then().statusCode(303);
        jobs.upvoteDigest();
        assertEquals(1, nf.notices(s.aliceUser.id).size(), "at most one a day per comment");
        assertTrue(nf.outbox(s.aliceUser.email).isEmpty(), "never emailed");
    }

    @Test
    void markAllReadAndOnlyOnesOwnNotices() {
        Scene s = scene("Reading");
        reply(Sessions.newUser("bob"), s.article, s.alicesComment.id, "Unread at first");
        long noticeId = nf.notices(s.aliceUser.id).get(0).id;
        Session mallory = Sessions.newUser("mallory");
        mallory.form().post("/notifications/" + noticeId + "/read").then().statusCode(404);
        assertNull(nf.notices(s.aliceUser.id).get(0).readAt, "another user cannot mark it");
        mallory.form().post("/notifications/read").then().statusCode(303);
        assertNull(nf.notices(s.aliceUser.id).get(0).readAt, "mark all read is one's own only");
        s.alice.given().contentType("application/x-www-form-urlencoded").post("/notifications/read").then().statusCode(400);
        assertNull(nf.notices(s.aliceUser.id).get(0).readAt, "no CSRF token, nothing marked");

        s.alice.form().post("/notifications/read").then().statusCode(303).header("Location", containsString("/notifications"));
        assertNotNull(nf.notices(s.aliceUser.id).get(0).readAt);
        s.alice.given().get("/notifications").then().statusCode(200).body(containsString("Nothing unread."))
                .body(not(containsString("class=\"count\"")));
        given().redirects().follow(false).get("/notifications").then().statusCode(302);
    }

    @Test
    void exportHoldsNoticesAndChoicesAndDeletionRemovesThem() {
        Scene s = scene("Export");
        nf.choose(s.aliceUser.id, true, true, false, true);
        reply(Sessions.newUser("bob"), s.article, s.alicesComment.id, "For the export");
        JsonPath json = s.alice.given().get("/settings/export").then().statusCode(200).extract().jsonPath();
        assertEquals(true, json.getBoolean("profile.notifyMentions"));
        assertEquals(true, json.getBoolean("profile.notifyReports"));
        assertEquals(false, json.getBoolean("profile.notifyUpvotes"));
        assertEquals("REPLY", json.getString("notifications[0].kind"));

        s.alice.form().formParam("password", Sessions.PASSWORD).formParam("comments", "keep").post("/settings/delete")
                .then().statusCode(303);
        assertTrue(nf.notices(s.aliceUser.id).isEmpty(), "deleting the account deletes its notices");
        assertTrue(nf.outbox(s.aliceUser.email).isEmpty(), "and its queued emails");
    }
}
