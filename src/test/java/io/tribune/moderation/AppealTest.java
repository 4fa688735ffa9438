package io.tribune.moderation;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.tribune.account.User;
import io.tribune.account.UserStatus;
import io.tribune.article.Article;
import io.tribune.comment.Comment;
import io.tribune.comment.CommentStatus;
import io.tribune.moderation.ModerationAction.Type;
import io.tribune.testsupport.Fixtures;
import io.tribune.testsupport.Sessions;
import jakarta.inject.Inject;

/** Appeals through the real forms: filed once per sanction, decided by another moderator, the outcome applied and told. */
@QuarkusTest
class AppealTest {

    @Inject
    Fixtures fixtures;
    @Inject
    ModerationFixtures mf;
    @Inject
    CommentDecisions decisions;
    @Inject
    Appeals appeals;
    @Inject
    AppealEvents events;
    @Inject
    MockMailbox mailbox;
    @Inject
    MutableClock clock;
    @Inject
    BlockedSignupScreen blocked;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aUserAppealsOnceAndAnotherModeratorReversesTheRemoval() {
        Sessions.Session user = Sessions.newUser("appellant");
        User author = named(user.username());
        Sessions.Session decider = Sessions.newUser("decider", "moderator");
        Sessions.Session reviewer = Sessions.newUser("reviewer", "moderator");
        User deciderUser = named(decider.username());
        Article article = fixtures.article("Appeals");
        Comment comment = fixtures.comment(article, null, author, "A blunt but fair point about the vendor");
        decisions.remove(deciderUser, comment.id, ReportReason.ABUSIVE, "Rude");
        long removal = actionId(author, Type.REMOVE);
        user.given().get("/settings/moderation").then().statusCode(200)
                .body(containsString("name=\"action\" value=\"" + removal + "\""));

        // bad input: a clear message, what was typed kept, nothing stored
        user.form().formParam("action", removal).formParam("text", "   ").post("/settings/moderation/appeals")
                .then().statusCode(422).body(containsString("Please say why you think this decision was wrong."));
        String tooLong = "It was fair. " + "x".repeat(2000);
        user.form().formParam("action", removal).formParam("text", tooLong).post("/settings/moderation/appeals")
                .then().statusCode(422).body(containsString("An appeal is at most 2,000 characters; yours has 2013."))
                .body(containsString("It was fair. xxxx"));
        assertEquals(0, appealRows(author));
        assertEquals(0, count(author, Type.APPEAL));

        user.form().formParam("action", removal).formParam("text", "It criticised the vendor, not a person.")
                .post("/settings/moderation/appeals").then().statusCode(303);
        user.form().formParam("action", removal).formParam("text", "Again, please.").post("/settings/moderation/appeals")
                .then().statusCode(409).body(containsString("You have already appealed against this decision"));
        assertEquals(1, appealRows(author));
        user.given().get("/settings/moderation").then().statusCode(200).body(containsString("awaiting a decision"));

        // someone else's sanction: not found, nothing stored
        Sessions.Session stranger = Sessions.newUser("stranger");
        stranger.form().formParam("action", removal).formParam("text", "Not mine").post("/settings/moderation/appeals")
                .then().statusCode(404);
        assertEquals(1, appealRows(author));

        // the moderator who decided neither sees it in the queue nor may decide it
        long appealId = QuarkusTransaction.requiringNew().call(() -> Appeal.<Appeal>find("user.id", author.id).firstResult().id);
        decider.given().get("/admin/queues/appeals").then().statusCode(200)
                .body(not(containsString("appeal-" + appealId + "\"")))
                .body(containsString("against your own decisions, left to another moderator"));
        decider.form().formParam("outcome", "reverse").post("/admin/queues/appeals/" + appealId).then().statusCode(403);

        reviewer.given().get("/admin/queues/appeals").then().statusCode(200)
                .body(containsString("id=\"appeal-" + appealId + "\""))
                .body(containsString("It criticised the vendor, not a person."));
        reviewer.form().formParam("outcome", "uphold").formParam("reason", "").post("/admin/queues/appeals/" + appealId)
                .then().statusCode(303).header("Location", containsString("error="));
        assertTrue(open(appealId), "an uphold without a reason changes nothing");

        mailbox.clear();
        reviewer.form().formParam("outcome", "reverse").formParam("reason", "Criticism of a company is allowed")
                .post("/admin/queues/appeals/" + appealId).then().statusCode(303)
                .header("Location", containsString("done="));
        assertEquals(CommentStatus.VISIBLE, mf.comment(comment.id).status);
        assertEquals(0, mf.activeStrikes(author, Instant.now()), "the removal's strike is withdrawn");
        assertTrue(mf.actionsFor(author).containsAll(java.util.List.of(Type.APPEAL, Type.RESTORE, Type.STRIKE_WITHDRAWN,
                Type.APPEAL_REVERSED)));
        assertTrue(events.received().stream().anyMatch(e -> e.appealId() == appealId && e.reversed()
                && e.userId() == author.id && e.sanction().equals("removal")), "AppealDecided fired after commit");
        assertTrue(mailbox.getMailsSentTo(author.email).stream().anyMatch(m -> m.getSubject().toLowerCase(java.util.Locale.ROOT).contains("your appeal was successful")));
        user.given().get("/settings/moderation").then().statusCode(200)
                .body(containsString("reversed: the decision was withdrawn"))
                .body(containsString("Criticism of a company is allowed"));
        reviewer.given().get("/admin").then().statusCode(200).body(containsString("id=\"appeal-stats\""))
                .body(containsString("Received: <strong>"));
        reviewer.given().get("/admin/log?user=" + author.username + "&action=APPEAL_REVERSED").then().statusCode(200)
                .body(containsString("reversed, on appeal by "))
                .body(containsString("Criticism of a company is allowed"));
    }

    @Test
    void reversingADeregistrationReinstatesAndWithdrawsOrKeepsTheStrikesAsTheModeratorChooses() {
        User mod = mf.account(Fixtures.unique("mod"), "commenter,moderator", UserStatus.ACTIVE);
        User other = mf.account(Fixtures.unique("mod2"), "commenter,moderator", UserStatus.ACTIVE);
        User kept = deregistered(mod);
        User cleared = deregistered(mod);
        Appeal a1 = appeals.file(kept, actionId(kept, Type.DEREGISTER), "Please reconsider.");
        Appeal a2 = appeals.file(cleared, actionId(cleared, Type.DEREGISTER), "Please reconsider.");

        appeals.decide(other, a1.id, true, "Served long enough", true);
        User k = mf.reload(kept);
        assertEquals(UserStatus.ACTIVE, k.status);
        assertEquals(3, mf.activeStrikes(kept, Instant.now()), "strikes kept");
        assertFalse(blocked.refusal(kept.username, kept.email).isPresent(), "the identity is free again");

        appeals.decide(other, a2.id, true, null, false);
        assertEquals(UserStatus.ACTIVE, mf.reload(cleared).status);
        assertEquals(0, mf.activeStrikes(cleared, Instant.now()), "strikes withdrawn");

        ModerationRefused twice = org.junit.jupiter.api.Assertions.assertThrows(ModerationRefused.class,
                () -> appeals.decide(other, a2.id, false, "No", false));
        assertEquals(409, twice.status());
    }

    @Test
    void theAppealPeriodEnds() {
        User mod = mf.account(Fixtures.unique("mod"), "commenter,moderator", UserStatus.ACTIVE);
        User author = fixtures.user(Fixtures.unique("late"));
        decisions.remove(mod, fixtures.comment(fixtures.article("Late"), null, author, "x").id, ReportReason.SPAM, null);
        clock.advance(Duration.ofDays(31));
        ModerationRefused late = org.junit.jupiter.api.Assertions.assertThrows(ModerationRefused.class,
                () -> appeals.file(author, actionId(author, Type.REMOVE), "Too late?"));
        assertEquals(409, late.status());
        assertTrue(late.getMessage().startsWith("The 30 days to appeal against this decision ended on"));
        assertEquals(0, appealRows(author));
    }

    @Test
    void anUpheldAppealTellsTheUserWhy() {
        Sessions.Session user = Sessions.newUser("upheld");
        User author = named(user.username());
        User mod = mf.account(Fixtures.unique("mod"), "commenter,moderator", UserStatus.ACTIVE);
        User other = mf.account(Fixtures.unique("mod2"), "commenter,moderator", UserStatus.ACTIVE);
        Comment c = fixtures.comment(fixtures.article("Upheld"), null, author, "You are all fools");
        decisions.remove(mod, c.id, ReportReason.ABUSIVE, null);
        Appeal a = appeals.file(author, actionId(author, Type.STRIKE), "It was a joke");
        appeals.decide(other, a.id, false, "Calling readers fools is abuse", false);
        assertEquals(1, mf.activeStrikes(author, Instant.now()));
        user.given().get("/settings/moderation").then().statusCode(200)
                .body(containsString("upheld: the decision stands"))
                .body(containsString("Calling readers fools is abuse"));
        assertTrue(events.received().stream().anyMatch(e -> e.appealId() == a.id && !e.reversed() && e.sanction().equals("strike")));
    }

    User deregistered(User mod) {
        User u = fixtures.user(Fixtures.unique("dereg"));
        Article article = fixtures.article("De-registered appeal");
        for (int i = 0; i < 3; i++) {
            decisions.remove(mod, fixtures.comment(article, null, u, "abuse " + i).id, ReportReason.ABUSIVE, null);
        }
        assertEquals(UserStatus.DEREGISTERED, mf.reload(u).status);
        return u;
    }

    static long actionId(User u, Type type) {
        return QuarkusTransaction.requiringNew().call(() -> ModerationAction.<ModerationAction>find(
                "targetUser.id = ?1 and action = ?2 order by id desc", u.id, type).firstResult().id);
    }

    static User named(String username) {
        return QuarkusTransaction.requiringNew().call(() -> User.findByUsername(username).orElseThrow());
    }

    static long appealRows(User u) {
        return QuarkusTransaction.requiringNew().call(() -> Appeal.count("user.id", u.id));
    }

    static long count(User u, Type type) {
        return QuarkusTransaction.requiringNew().call(() -> ModerationAction.count("targetUser.id = ?1 and action = ?2", u.id, type));
    }

    static boolean open(long appealId) {
        return QuarkusTransaction.requiringNew().call(() -> Appeal.<Appeal>findById(appealId).isOpen());
    }
}
