package io.tribune.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.tribune.article.Article;
import io.tribune.comment.Comment;
import io.tribune.testsupport.Fixtures;
import io.tribune.testsupport.Sessions;
import io.tribune.testsupport.Sessions.Session;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** Brute-force limits, password reset, email change, verification resend, first admin, demo accounts, profiles. */
@QuarkusTest
class AccountSecurityTest {

    @Inject
    MockMailbox mailbox;

    @Inject
    Fixtures fixtures;

    @Inject
    AccountStartup startup;

    @Inject
    EntityManager em;

    static Response login(String login, String password) {
        return Sessions.csrf("/login").form().formParam("login", login).formParam("password", password).post("/login");
    }

    @Test
    void bruteForceLimitIsHitThenLiftedAndASuccessResetsTheCount() throws Exception {
        String name = Fixtures.unique("bf");
        long id = Sessions.verifiedUser(name, Sessions.PASSWORD).id;
        // a success resets the account's count: 4 failures, a success, 4 failures are never limited
        for (int i = 0; i < 4; i++) {
            login(name, "wrong password " + i).then().statusCode(401);
        }
        login(name, Sessions.PASSWORD).then().statusCode(303);
        // four more failures from this address (written directly, so a slow machine cannot let them age out of the
        // 4 s test window), then a fifth through the form
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "insert into rate_limit_event (bucket) select ?1 from generate_series(1, 4)")
                .setParameter(1, "login-account-ip:" + id + ":127.0.0.1").executeUpdate());
        login(name, "wrong password 5").then().statusCode(401);
        // the 5th failure reached the limit: even the right password now waits
        Response limited = login(name, Sessions.PASSWORD);
        assertEquals(429, limited.statusCode());
        assertTrue(limited.asString().contains("Too many failed log-in attempts"), limited.asString());
        long retryAfter = Long.parseLong(limited.getHeader("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 4, "Retry-After " + retryAfter); // window is 4 s in tests
        login(name.toUpperCase() + "@EXAMPLE.TEST", Sessions.PASSWORD).then().statusCode(429); // same account by email
        Thread.sleep(retryAfter * 1000 + 300);
        login(name, Sessions.PASSWORD).then().statusCode(303);
    }

    @Test
    void manyFailuresFromOneAddressLimitEveryAccount() {
        String name = Fixtures.unique("ip");
        Sessions.verifiedUser(name, Sessions.PASSWORD);
        // 20 failures from this address within the window (written directly: the state lives in PostgreSQL)
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < 20; i++) {
                em.createNativeQuery("insert into rate_limit_event (bucket) values ('login-ip:127.0.0.1')").executeUpdate();
            }
        });
        try {
            login(name, Sessions.PASSWORD).then().statusCode(429).header("Retry-After", not(""));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                    "delete from rate_limit_event where bucket = 'login-ip:127.0.0.1'").executeUpdate());
        }
        login(name, Sessions.PASSWORD).then().statusCode(303);
    }

    /** Fills a bucket to its (test) limit directly in PostgreSQL, runs the check, and empties it again. */
    void withFullBucket(String bucket, Runnable check) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "insert into rate_limit_event (bucket) select ?1 from generate_series(1, 10000)")
                .setParameter(1, bucket).executeUpdate());
        try {
            check.run();
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from rate_limit_event where bucket = ?1")
                    .setParameter(1, bucket).executeUpdate());
        }
    }

    @Test
    void signUpsAndResetRequestsFromOneAddressAreLimited() {
        String name = Fixtures.unique("lim");
        withFullBucket("signup-ip:127.0.0.1", () -> Sessions.csrf("/signup").form().formParam("username", name)
                .formParam("email", name + "@lim.test").formParam("password", "long enough password")
                .formParam("acceptPolicy", "on").post("/signup").then().statusCode(429).header("Retry-After", not(""))
                .body(containsString("Too many sign-ups")).body(containsString("value=\"" + name + "\"")));
        assertEquals(null, AccountJourneyTest.reload(name));
        withFullBucket("forgot-ip:127.0.0.1", () -> Sessions.csrf("/password/forgot").form()
                .formParam("email", name + "@lim.test").post("/password/forgot").then().statusCode(429)
                .header("Retry-After", not("")).body(containsString("Too many requests")));
    }

    @Test
    void passwordResetFlow() {
        Session before = Sessions.newUser("reset");
        String email = before.username().toLowerCase() + "@example.test";
        String unknown = Fixtures.unique("nobody") + "@example.test";

        String unknownAnswer = Sessions.csrf("/password/forgot").form().formParam("email", unknown)
                .post("/password/forgot").then().statusCode(200).extract().asString();
        String knownAnswer = Sessions.csrf("/password/forgot").form().formParam("email", email)
                .post("/password/forgot").then().statusCode(200).extract().asString();
        assertEquals(unknownAnswer.replace(unknown, "X").replaceAll("value=\"[^\"]*\"", ""),
                knownAnswer.replace(email, "X").replaceAll("value=\"[^\"]*\"", ""), "the same answer either way");
        assertTrue(mailbox.getMailsSentTo(unknown) == null || mailbox.getMailsSentTo(unknown).isEmpty());
        List<Mail> mails = mailbox.getMailsSentTo(email);
        assertEquals(1, mails.size());
        String link = AccountJourneyTest.linkPath(mails.get(0));
        assertTrue(link.startsWith("/password/reset?token="), link);
        String token = link.substring(link.indexOf('=') + 1);

        given().get(link).then().statusCode(200).body(containsString("Choose a new password"));
        Sessions.csrf(link).form().formParam("token", token).formParam("password", "short").formParam("confirm", "short")
                .post("/password/reset").then().statusCode(422).body(containsString("Use at least 10 characters."));
        Sessions.csrf(link).form().formParam("token", token).formParam("password", "a fresh passphrase")
                .formParam("confirm", "a different one").post("/password/reset").then().statusCode(422)
                .body(containsString("The two passwords differ."));
        Sessions.csrf(link).form().formParam("token", token).formParam("password", "a fresh passphrase")
                .formParam("confirm", "a fresh passphrase").post("/password/reset").then().statusCode(303)
                .header("Location", endsWith("/login?done=reset"));

        before.given().get("/settings").then().statusCode(302); // every other session ended
        given().get(link).then().statusCode(400).body(containsString("not valid")); // single use
        login(before.username(), Sessions.PASSWORD).then().statusCode(401);
        login(before.username(), "a fresh passphrase").then().statusCode(303);
    }

    @Test
    void unverifiedUsersSeeWhyAndCanAskForALimitedNumberOfNewLinks() {
        String name = Fixtures.unique("unv");
        String email = name + "@mail.test";
        Sessions.csrf("/signup").form().formParam("username", name).formParam("email", email)
                .formParam("password", "long enough password").formParam("acceptPolicy", "on").post("/signup")
                .then().statusCode(200);
        Session session = Sessions.login(name, "long enough password");
        session.given().get("/settings").then().statusCode(200).body(containsString("Please verify your email address"));
        for (int i = 0; i < 3; i++) {
            session.form().post("/settings/verification").then().statusCode(303)
                    .header("Location", endsWith("/settings?done=verification"));
        }
        session.form().post("/settings/verification").then().statusCode(429).header("Retry-After", not(""))
                .body(containsString("Please wait"));
        List<Mail> mails = mailbox.getMailsSentTo(email);
        assertEquals(4, mails.size());
        // only the newest link works
        given().get(AccountJourneyTest.linkPath(mails.get(0))).then().statusCode(400);
        given().get(AccountJourneyTest.linkPath(mails.get(3))).then().statusCode(200);
    }

    @Test
    void emailChangeIsConfirmedFromTheNewAddress() {
        Session session = Sessions.newUser("mail");
        String newEmail = Fixtures.unique("new") + "@mail.test";
        session.form().formParam("email", newEmail).formParam("password", "wrong password")
                .post("/settings/email").then().statusCode(422).body(containsString("not your current password"))
                .body(containsString("value=\"" + newEmail + "\""));
        session.form().formParam("email", newEmail).formParam("password", Sessions.PASSWORD)
                .post("/settings/email").then().statusCode(303);
        session.given().get("/settings").then().body(containsString("Waiting for confirmation"));
        assertEquals(session.username().toLowerCase() + "@example.test",
                AccountJourneyTest.reload(session.username()).email, "unchanged until confirmed");
        given().get(AccountJourneyTest.linkPath(mailbox.getMailsSentTo(newEmail).get(0))).then().statusCode(200);
        assertEquals(newEmail, AccountJourneyTest.reload(session.username()).email);
    }

    @Test
    void theFirstAdminIsCreatedOnceFromConfiguration() {
        User chief = AccountJourneyTest.reload("chief");
        assertNotNull(chief);
        assertTrue(chief.hasRole("admin"));
        assertNotNull(chief.emailVerifiedAt);
        String hash = chief.passwordHash;
        Session admin = Sessions.login("chief", "chief-password-for-tests");
        admin.given().get("/").then().body(containsString("href=\"/admin\"")).body(containsString("href=\"/admin/articles\""));
        startup.bootstrapAdmin(); // a restart changes nothing
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> User.count("lower(username) = 'chief'")));
        assertEquals(hash, AccountJourneyTest.reload("chief").passwordHash);
    }

    @Test
    void demoModeratorAndEditorCanLogInButDemoCommentersCannot() {
        Sessions.login("moddy", "demo-password-for-tests").given().get("/").then()
                .body(containsString("href=\"/admin\"")).body(not(containsString("href=\"/admin/articles\"")));
        Sessions.login("eddie", "demo-password-for-tests").given().get("/").then()
                .body(containsString("href=\"/admin/articles\"")).body(not(containsString("href=\"/admin\"")));
        login("privacy_pragmatist", "").then().statusCode(401).body(containsString("Wrong username, email or password"));
        login("privacy_pragmatist@demo.invalid", "anything at all").then().statusCode(401);
        Sessions.csrf("/password/forgot").form().formParam("email", "privacy_pragmatist@demo.invalid")
                .post("/password/forgot").then().statusCode(200);
        assertTrue(mailbox.getMailsSentTo("privacy_pragmatist@demo.invalid") == null
                || mailbox.getMailsSentTo("privacy_pragmatist@demo.invalid").isEmpty());
    }

    @Test
    void publicProfileShowsNothingPrivate() {
        Session session = Sessions.newUser("prof");
        User user = AccountJourneyTest.reload(session.username());
        Article article = fixtures.article("Profile article");
        Comment comment = fixtures.comment(article, null, user, "A <b>bold</b> opinion");
        given().get("/users/" + user.username.toUpperCase()).then().statusCode(200)
                .body(containsString("Display " + user.username))
                .body(containsString("1 comment"))
                .body(containsString("href=\"/comments/" + comment.id + "\""))
                .body(containsString("Profile article"))
                .body(containsString("A &lt;b&gt;bold&lt;/b&gt; opinion"))
                .body(not(containsString("@example.test")));
        given().get("/users/no-such-user-here").then().statusCode(404);
        given().get("/users/privacy_pragmatist").then().statusCode(200).body(containsString("Priya Raman"));
    }
}
