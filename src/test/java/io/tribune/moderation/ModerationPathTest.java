package io.tribune.moderation;

import static io.tribune.testsupport.Fixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.tribune.account.User;
import io.tribune.account.UserStatus;
import io.tribune.article.Article;
import io.tribune.comment.Comment;
import io.tribune.comment.CommentStatus;
import io.tribune.moderation.ModerationAction.Type;
import io.tribune.testsupport.Fixtures;
import jakarta.inject.Inject;

/** The policy end to end at the service level, with the real database, the mock mailbox and a movable clock. */
@QuarkusTest
class ModerationPathTest {

    @Inject
    Fixtures fixtures;
    @Inject
    ModerationFixtures mf;
    @Inject
    ReportService reports;
    @Inject
    CommentDecisions decisions;
    @Inject
    UserSanctions sanctions;
    @Inject
    BlockedSignupScreen blocked;
    @Inject
    MutableClock clock;
    @Inject
    MockMailbox mailbox;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void fromFirstReportToDeregistration() {
        Article article = fixtures.article("The path to de-registration");
        User author = fixtures.user(unique("troll"));
        User mod = mf.account(unique("mod"), "commenter,moderator", UserStatus.ACTIVE);
        List<User> readers = List.of(fixtures.user(unique("r1")), fixtures.user(unique("r2")), fixtures.user(unique("r3")));
        Comment c1 = fixtures.comment(article, null, author, "You are all idiots.");
        int countBefore = countOf(article);
        mailbox.clear();

        // 1. three distinct readers report it: visible after one and two, hidden pending review at three
        reports.report(readers.get(0), c1.id, ReportReason.ABUSIVE, "Insults everyone");
        assertEquals(CommentStatus.VISIBLE, mf.comment(c1.id).status);
        reports.report(readers.get(1), c1.id, ReportReason.ABUSIVE, null);
        assertEquals(CommentStatus.VISIBLE, mf.comment(c1.id).status);
        reports.report(readers.get(2), c1.id, ReportReason.OTHER, "rude");
        assertEquals(CommentStatus.PENDING, mf.comment(c1.id).status);
        assertEquals(countBefore - 1, countOf(article));
        assertEquals(3, mf.openReports(c1.id));

        // 2. removed as abusive: strike 1, still active; no email, as the author chose none and nothing changed
        //    what the account may do (the notices are on /notifications)
        decisions.remove(mod, c1.id, ReportReason.ABUSIVE, "Insults");
        assertEquals(CommentStatus.REMOVED, mf.comment(c1.id).status);
        assertEquals(0, mf.openReports(c1.id));
        assertEquals(countBefore - 1, countOf(article));
        assertEquals(1, mf.activeStrikes(author, clock.instant()));
        User a = mf.reload(author);
        assertEquals(UserStatus.ACTIVE, a.status);
        assertSubjects(author);

        // 3. a second removal (defamatory): strike 2, suspended for 7 days; ONE email says all three
        Comment c2 = fixtures.comment(article, null, author, "The CEO is a criminal.");
        mailbox.clear();
        Instant before = clock.instant();
        decisions.remove(mod, c2.id, ReportReason.DEFAMATORY, null);
        a = mf.reload(author);
        assertEquals(2, mf.activeStrikes(author, clock.instant()));
        assertEquals(UserStatus.SUSPENDED, a.status);
        assertNotNull(a.suspendedUntil);
        long days = Duration.between(before, a.suspendedUntil).toHours();
        assertTrue(days >= 7 * 24 - 1 && days <= 7 * 24, "suspended for 7 days, was " + days + " hours");
        assertTrue(a.participationBlock().orElseThrow().contains("suspended until"));
        assertSubjects(author, "Tribune: your comment was removed; you received a strike; your account is suspended until "
                + Texts.dateTime(a.suspendedUntil));
        String statement = mails(author).get(0).getText();
        assertTrue(statement.contains("The CEO is a criminal."), "the email quotes the comment");
        assertTrue(statement.contains("Reason: Defamatory"), statement);
        assertTrue(statement.contains("2 active strikes"), statement);
        assertTrue(statement.contains("cannot comment, vote or report"), statement);
        assertTrue(statement.contains("How to appeal"), statement);

        // 4. a third removal (illegal): de-registered, sessions ended, identity blocked
        Comment c3 = fixtures.comment(article, null, author, "Download the leaked files here.");
        int generation = a.sessionGeneration;
        mailbox.clear();
        decisions.remove(mod, c3.id, ReportReason.ILLEGAL, "Links to stolen data");
        a = mf.reload(author);
        assertEquals(UserStatus.DEREGISTERED, a.status);
        assertEquals(generation + 1, a.sessionGeneration);
        assertNull(a.suspendedUntil);
        assertEquals(3, mf.activeStrikes(author, clock.instant()));
        assertTrue(blocked.refusal(author.username.toUpperCase(), null).isPresent());
        assertTrue(blocked.refusal("someone-new", author.email.toUpperCase()).isPresent());
        assertFalse(blocked.refusal("someone-new", "someone-new@example.test").isPresent());
        assertSubjects(author, "Tribune: your comment was removed; you received a strike; your account has been de-registered");
        assertTrue(mails(author).get(0).getText().contains("cannot sign up again"));

        assertTrue(a.deregisteredReason.contains("3 active strikes"), a.deregisteredReason);
        assertTrue(a.deregisteredReason.contains("abusive, defamatory, illegal content"), a.deregisteredReason);

        // the audit log holds every step, in order, with who did it
        assertEquals(List.of(Type.REPORT_THRESHOLD, Type.REMOVE, Type.STRIKE, Type.REMOVE, Type.STRIKE, Type.SUSPEND,
                Type.REMOVE, Type.STRIKE, Type.DEREGISTER), mf.actionsFor(author));
        List<ModerationAction> log = mf.log(author);
        assertNull(log.get(0).moderator, "the report threshold is the system's doing");
        assertEquals(mod.username, log.get(1).moderator.username);
        assertEquals("abusive", log.get(1).reasonCode);
        assertEquals("status PENDING, open reports 3", log.get(1).beforeState);
        assertEquals("status REMOVED", log.get(1).afterState);
    }

    @Test
    void strikesExpireAfter180Days() {
        Article article = fixtures.article("Strike expiry");
        User author = fixtures.user(unique("expiring"));
        User mod = mf.account(unique("mod"), "commenter,moderator", UserStatus.ACTIVE);
        decisions.remove(mod, fixtures.comment(article, null, author, "one").id, ReportReason.ABUSIVE, null);
        assertEquals(1, mf.activeStrikes(author, clock.instant()));

        clock.advance(Duration.ofDays(179));
        assertEquals(1, mf.activeStrikes(author, clock.instant()));
        clock.advance(Duration.ofDays(2));
        assertEquals(0, mf.activeStrikes(author, clock.instant()), "expired after 180 days");

        // the expired strike no longer counts: a new strike makes one active, no suspension
        decisions.remove(mod, fixtures.comment(article, null, author, "two").id, ReportReason.ABUSIVE, null);
        assertEquals(1, mf.activeStrikes(author, clock.instant()));
        assertEquals(UserStatus.ACTIVE, mf.reload(author).status);
    }

    @Test
    void nonStrikeRemovalsAndRestoresDoNotCount() {
        Article article = fixtures.article("No strikes");
        User author = fixtures.user(unique("spammer"));
        User mod = mf.account(unique("mod"), "commenter,moderator", UserStatus.ACTIVE);
        Comment spam = fixtures.comment(article, null, author, "Buy now");
        decisions.remove(mod, spam.id, ReportReason.SPAM, null);
        assertEquals(0, mf.activeStrikes(author, clock.instant()));
        Comment rude = fixtures.comment(article, null, author, "rude?");
        decisions.remove(mod, rude.id, ReportReason.ABUSIVE, null);
        assertEquals(1, mf.activeStrikes(author, clock.instant()));
        decisions.restore(mod, rude.id, "Not abusive after all");
        assertEquals(CommentStatus.VISIBLE, mf.comment(rude.id).status);
        assertEquals(0, mf.activeStrikes(author, clock.instant()), "restoring revokes the strike");
        assertEquals(List.of(Type.REMOVE, Type.REMOVE, Type.STRIKE, Type.RESTORE, Type.STRIKE_WITHDRAWN), mf.actionsFor(author));
    }

    @Test
    void adminsGrantAndRevokeRoles() {
        User admin = mf.account(unique("admin"), "commenter,admin", UserStatus.ACTIVE);
        User mod = mf.account(unique("mod"), "commenter,moderator", UserStatus.ACTIVE);
        User user = fixtures.user(unique("promoted"));
        assertEquals(403, assertThrows(ModerationRefused.class, () -> sanctions.setRole(mod, user.username, "moderator", true)).status());
        assertEquals(400, assertThrows(ModerationRefused.class, () -> sanctions.setRole(admin, user.username, "admin", true)).status());
        sanctions.setRole(admin, user.username, "moderator", true);
        sanctions.setRole(admin, user.username, "editor", true);
        assertEquals("commenter,moderator,editor", mf.reload(user).roles);
        sanctions.setRole(admin, user.username, "moderator", false);
        assertEquals("commenter,editor", mf.reload(user).roles);
        assertEquals(List.of(Type.GRANT_ROLE, Type.GRANT_ROLE, Type.REVOKE_ROLE), mf.actionsFor(user));
    }

    @Test
    void suspensionEndsWhenItsTimeIsUp() {
        User user = fixtures.user(unique("suspendee"));
        User mod = mf.account(unique("mod"), "commenter,moderator", UserStatus.ACTIVE);
        sanctions.suspend(mod, user.username, 7, "Flame war");
        assertEquals(UserStatus.SUSPENDED, mf.reload(user).status);

        clock.advance(Duration.ofDays(6));
        sanctions.liftExpiredSuspensions();
        assertEquals(UserStatus.SUSPENDED, mf.reload(user).status, "still suspended on day 6");

        clock.advance(Duration.ofDays(1).plusMinutes(1));
        assertTrue(sanctions.liftExpiredSuspensions() >= 1);
        User after = mf.reload(user);
        assertEquals(UserStatus.ACTIVE, after.status);
        assertNull(after.suspendedUntil);
        assertTrue(after.participationBlock().isEmpty());
        assertEquals(List.of(Type.SUSPEND, Type.SUSPENSION_ENDED), mf.actionsFor(user));
    }

    @Test
    void moderatorsCannotActOnAdminsOrThemselvesAndOnlyAdminsReinstate() {
        User mod = mf.account(unique("mod"), "commenter,moderator", UserStatus.ACTIVE);
        User admin = mf.account(unique("admin"), "commenter,admin", UserStatus.ACTIVE);
        User user = fixtures.user(unique("target"));
        assertEquals(403, assertThrows(ModerationRefused.class, () -> sanctions.suspend(mod, admin.username, 3, "x")).status());
        assertEquals(403, assertThrows(ModerationRefused.class, () -> sanctions.deregister(mod, mod.username, "x")).status());
        assertEquals(400, assertThrows(ModerationRefused.class, () -> sanctions.deregister(mod, user.username, " ")).status());
        sanctions.deregister(mod, user.username, "Serious abuse");
        assertTrue(blocked.refusal(user.username, null).isPresent());
        assertEquals(403, assertThrows(ModerationRefused.class, () -> sanctions.reinstate(mod, user.username, "appeal")).status());
        sanctions.reinstate(admin, user.username, "Appeal upheld");
        assertEquals(UserStatus.ACTIVE, mf.reload(user).status);
        assertFalse(blocked.refusal(user.username, user.email).isPresent(), "reinstating frees the identity");
        assertEquals(List.of(Type.DEREGISTER, Type.REINSTATE), mf.actionsFor(user));
    }

    @Test
    void theAuditLogCannotBeChangedOrDeleted() {
        User mod = mf.account(unique("mod"), "commenter,moderator", UserStatus.ACTIVE);
        User user = fixtures.user(unique("noted"));
        sanctions.addNote(mod, user.username, "Watch this one");
        assertAppendOnly(assertThrows(Exception.class, () -> mf.tamper("update moderation_action set reason = 'edited'")));
        assertAppendOnly(assertThrows(Exception.class, () -> mf.tamper("delete from moderation_action")));
        assertEquals(List.of(Type.NOTE), mf.actionsFor(user));
    }

    private static void assertAppendOnly(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (String.valueOf(t.getMessage()).contains("append-only")) {
                return;
            }
        }
        throw new AssertionError("expected the append-only trigger to refuse, got " + e, e);
    }

    private int countOf(Article article) {
        return mf.commentCount(article.id);
    }

    private List<Mail> mails(User u) {
        List<Mail> mails = mailbox.getMailsSentTo(u.email);
        return mails == null ? List.of() : mails;
    }

    private void assertSubjects(User u, String... subjects) {
        assertEquals(List.of(subjects), mails(u).stream().map(Mail::getSubject).toList());
    }
}
