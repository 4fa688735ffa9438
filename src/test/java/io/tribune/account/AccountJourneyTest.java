package io.tribune.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.tribune.article.Article;
import io.tribune.comment.Comment;
import io.tribune.comment.CommentStatus;
import io.tribune.testsupport.Fixtures;
import io.tribune.testsupport.Sessions;
import io.tribune.testsupport.Sessions.Csrf;
import io.tribune.testsupport.Sessions.Session;
import jakarta.inject.Inject;

/** Sign up → mailbox → verify → log in → settings → export → delete, through the real forms. */
@QuarkusTest
class AccountJourneyTest {

    static final Pattern LINK = Pattern.compile("http://[^/\\s]+(/\\S+)");

    @Inject
    MockMailbox mailbox;

    @Inject
    Fixtures fixtures;

    static String linkPath(Mail mail) {
        Matcher m = LINK.matcher(mail.getText());
        assertTrue(m.find(), "no link in " + mail.getText());
        return m.group(1);
    }

    static User reload(String username) {
        return QuarkusTransaction.requiringNew().call(() -> User.findByUsername(username).orElse(null));
    }

    Response signup(String username, String email, String password) {
        return Sessions.csrf("/signup").form().formParam("username", username).formParam("email", email)
                .formParam("password", password).formParam("acceptPolicy", "on").post("/signup");
    }

    @Test
    void signUpVerifyLogInSettingsExportDelete() {
        String username = Fixtures.unique("jo");
        String email = username + "@mail.test";
        signup(username, email, "a long enough secret").then().statusCode(200)
                .body(containsString("Check your email")).body(containsString(email));
        User created = reload(username);
        assertNotNull(created);
        assertNull(created.emailVerifiedAt);
        assertTrue(created.passwordHash.startsWith("$2"), "bcrypt");

        // logged in but unverified: the settings page says why they cannot comment, and offers a resend
        Session unverified = Sessions.login(username, "a long enough secret");
        unverified.given().get("/settings").then().statusCode(200)
                .body(containsString("Please verify your email address"))
                .body(containsString("action=\"/settings/verification\""));

        List<Mail> mails = mailbox.getMailsSentTo(email);
        assertEquals(1, mails.size());
        String verify = linkPath(mails.get(0));
        assertTrue(verify.startsWith("/verify?token="), verify);
        given().get(verify).then().statusCode(200).body(containsString("Email confirmed"));
        assertNotNull(reload(username).emailVerifiedAt);
        given().get(verify).then().statusCode(400).body(containsString("not valid")); // single use

        // log in by email this time; the settings page no longer shows the block
        Session session = Sessions.login(email.toUpperCase(), "a long enough secret");
        session.given().get("/settings").then().statusCode(200)
                .body(containsString("Settings")).body(not(containsString("Please verify")))
                .body(containsString("Download my data"));
        session.given().get("/").then().statusCode(200)
                .body(containsString("href=\"/users/" + username + "\"")).body(containsString("Log out"));

        session.form().formParam("displayName", "Jo Reader").formParam("bio", "Reads everything.")
                .post("/settings/profile").then().statusCode(303).header("Location", endsWith("/settings?done=profile"));
        session.form().formParam("notifyReplies", "on").post("/settings/notifications").then().statusCode(303);
        User after = reload(username);
        assertEquals("Jo Reader", after.displayName);
        assertTrue(after.notifyReplies);
        assertTrue(!after.notifyModeration, "each notification is opt-in");

        Article article = fixtures.article("Journey article");
        Comment comment = fixtures.comment(article, null, after, "My only comment");
        session.given().get("/settings/export").then().statusCode(200)
                .header("Content-Disposition", containsString("attachment"))
                .body("profile.username", equalTo(username)).body("profile.email", equalTo(email))
                .body("profile.displayName", equalTo("Jo Reader"))
                .body("comments", hasSize(1)).body("comments[0].body", equalTo("My only comment"))
                .body("votes", hasSize(0)).body("reports", hasSize(0))
                .body(not(containsString("$2"))); // never the password hash

        session.form().formParam("password", "wrong password!").formParam("comments", "remove")
                .post("/settings/delete").then().statusCode(422).body(containsString("not your current password"));
        session.form().formParam("password", "a long enough secret").formParam("comments", "keep")
                .post("/settings/delete").then().statusCode(303).header("Location", endsWith("/settings/deleted"));

        User deleted = QuarkusTransaction.requiringNew().call(() -> User.<User>findById(after.id));
        assertEquals(UserStatus.DELETED, deleted.status);
        assertNull(deleted.email);
        assertNull(deleted.passwordHash);
        assertNull(deleted.bio);
        assertEquals("[deleted user]", deleted.displayName);
        assertEquals("deleted-" + deleted.id, deleted.username);
        Comment kept = QuarkusTransaction.requiringNew().call(() -> Comment.<Comment>findById(comment.id));
        assertEquals(CommentStatus.VISIBLE, kept.status);
        assertEquals("My only comment", kept.body);

        // the session ended, and the name and address are free again
        session.given().get("/settings").then().statusCode(302).header("Location", containsString("/login"));
        given().get("/users/" + username).then().statusCode(404);
        given().get("/users/deleted-" + deleted.id).then().statusCode(404);
        Sessions.csrf("/login").form().formParam("login", email).formParam("password", "a long enough secret")
                .post("/login").then().statusCode(401);
        signup(username, email, "another long secret").then().statusCode(200).body(containsString("Check your email"));
    }

    @Test
    void deletingTheAccountCanRemoveTheCommentsToo() {
        Session session = Sessions.newUser("rm");
        User user = reload(session.username());
        Article article = fixtures.article("Removal article");
        Comment comment = fixtures.comment(article, null, user, "Please forget me");
        int before = QuarkusTransaction.requiringNew().call(() -> Article.<Article>findById(article.id).commentCount);
        session.form().formParam("password", Sessions.PASSWORD).formParam("comments", "remove")
                .post("/settings/delete").then().statusCode(303);
        Comment gone = QuarkusTransaction.requiringNew().call(() -> Comment.<Comment>findById(comment.id));
        assertEquals(CommentStatus.DELETED, gone.status);
        assertEquals("", gone.body);
        assertEquals(before - 1, QuarkusTransaction.requiringNew().call(() -> Article.<Article>findById(article.id).commentCount));
    }

    @Test
    void everyValidationErrorIsShownNextToItsFieldWithTheValuesKept() {
        Csrf csrf = Sessions.csrf("/signup");
        String html = csrf.form().formParam("username", "a b").formParam("email", "not-an-email")
                .formParam("password", "short").post("/signup").then().statusCode(422).extract().asString();
        assertTrue(html.contains("id=\"username-error\""), html);
        assertTrue(html.contains("3 to 30 characters"));
        assertTrue(html.contains("This does not look like an email address."));
        assertTrue(html.contains("Use at least 10 characters."));
        assertTrue(html.contains("accept the comment policy"));
        assertTrue(html.contains("value=\"a b\""), "typed username kept");
        assertTrue(html.contains("value=\"not-an-email\""), "typed email kept");
        assertTrue(!html.contains("short\""), "the password is never echoed");

        String name = Fixtures.unique("val");
        signupWithPassword(name, "password123").body(containsString("most common ones"));
        signupWithPassword(name, name + "-pw").statusCode(200); // contains the name but is not it: fine
        String other = Fixtures.unique("val");
        signupWithPassword(other, other.toUpperCase()).statusCode(422)
                .body(containsString("must not be your username or email"));
        Sessions.csrf("/signup").form().formParam("username", "ab").formParam("email", "x@y.test")
                .formParam("password", "long enough password").formParam("acceptPolicy", "on").post("/signup")
                .then().statusCode(422).body(containsString("3 to 30 characters"));
        Sessions.csrf("/signup").form().formParam("username", "x".repeat(31)).formParam("email", "x@y.test")
                .formParam("password", "long enough password").formParam("acceptPolicy", "on").post("/signup")
                .then().statusCode(422).body(containsString("3 to 30 characters"));
        Sessions.csrf("/signup").form().formParam("username", Fixtures.unique("nopolicy")).formParam("email", "np@y.test")
                .formParam("password", "long enough password").post("/signup")
                .then().statusCode(422).body(containsString("accept the comment policy"));
    }

    private io.restassured.response.ValidatableResponse signupWithPassword(String username, String password) {
        return Sessions.csrf("/signup").form().formParam("username", username).formParam("email", username + "@v.test")
                .formParam("password", password).formParam("acceptPolicy", "on").post("/signup").then();
    }

    @Test
    void duplicateUsernameOrEmailIsRefusedIgnoringCase() {
        String name = Fixtures.unique("Dup");
        signup(name, name + "@dup.test", "long enough password").then().statusCode(200);
        signup(name.toUpperCase(), Fixtures.unique("d") + "@dup.test", "long enough password").then().statusCode(422)
                .body(containsString("This username is already taken"));
        signup(Fixtures.unique("d"), (name + "@DUP.test").toUpperCase(), "long enough password").then().statusCode(422)
                .body(containsString("An account with this email address already exists"));
    }

    @Test
    void honeypotSilentlyRejectsTheSignUp() {
        String name = Fixtures.unique("bot");
        Sessions.csrf("/signup").form().formParam("username", name).formParam("email", name + "@bot.test")
                .formParam("password", "long enough password").formParam("acceptPolicy", "on")
                .formParam("website", "http://spam.example").post("/signup")
                .then().statusCode(200).body(containsString("Check your email"));
        assertNull(reload(name));
        assertTrue(mailbox.getMailsSentTo(name + "@bot.test") == null || mailbox.getMailsSentTo(name + "@bot.test").isEmpty());
    }

    @Test
    void formsWithoutTheCsrfTokenAreRefused() {
        String name = Fixtures.unique("csrf");
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("username", name).formParam("email", name + "@c.test").formParam("password", "long enough password")
                .formParam("acceptPolicy", "on").post("/signup").then().statusCode(400);
        assertNull(reload(name));
        Sessions.verifiedUser(name, Sessions.PASSWORD);
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("login", name).formParam("password", Sessions.PASSWORD).post("/login")
                .then().statusCode(400).header("Set-Cookie", nullValue());
        Session session = Sessions.login(name, Sessions.PASSWORD);
        session.given().contentType("application/x-www-form-urlencoded").formParam("displayName", "Hacked")
                .post("/settings/profile").then().statusCode(400);
        session.given().contentType("application/x-www-form-urlencoded").post("/logout").then().statusCode(400);
    }

    @Test
    void logInAcceptsUsernameOrEmailAndRefusesWrongPasswords() {
        String name = Fixtures.unique("Li");
        Sessions.verifiedUser(name, Sessions.PASSWORD);
        Sessions.login(name.toLowerCase(), Sessions.PASSWORD);
        Sessions.login(name.toLowerCase() + "@example.test", Sessions.PASSWORD);
        Sessions.csrf("/login").form().formParam("login", name).formParam("password", "not the password")
                .post("/login").then().statusCode(401).body(containsString("Wrong username, email or password"))
                .body(containsString("value=\"" + name + "\"")).body(not(containsString("not the password")));
    }

    @Test
    void loggedOutCookieReplayIsRefused() {
        Session session = Sessions.newUser("replay");
        session.given().get("/settings").then().statusCode(200);
        session.form().post("/logout").then().statusCode(303)
                .header("Set-Cookie", containsString(Sessions.SESSION_COOKIE + "=;"));
        // the browser forgot the cookie, but an attacker who copied it replays it
        session.given().get("/settings").then().statusCode(302).header("Location", containsString("/login?next=%2Fsettings"));
        session.given().get("/").then().statusCode(200).body(containsString("href=\"/login\""))
                .body(not(containsString("Log out")));
    }

    @Test
    void passwordChangeEndsOtherSessionsButKeepsThisOne() {
        Session here = Sessions.newUser("pwchg");
        Session elsewhere = Sessions.login(here.username(), Sessions.PASSWORD);
        here.form().formParam("currentPassword", "wrong one!!").formParam("newPassword", "x")
                .post("/settings/password").then().statusCode(422)
                .body(containsString("not your current password")).body(containsString("Use at least 10 characters."));
        Response changed = here.form().formParam("currentPassword", Sessions.PASSWORD)
                .formParam("newPassword", "a brand new passphrase").post("/settings/password");
        assertEquals(303, changed.statusCode());
        String renewed = changed.getCookie(Sessions.SESSION_COOKIE);
        assertNotNull(renewed);
        given().redirects().follow(false).cookie(Sessions.SESSION_COOKIE, renewed).get("/settings").then().statusCode(200);
        elsewhere.given().get("/settings").then().statusCode(302);
        here.given().get("/settings").then().statusCode(302); // the old cookie of this browser too
        Sessions.login(here.username(), "a brand new passphrase");
    }

    @Test
    void openRedirectAttemptsAreIgnored() {
        String name = Fixtures.unique("redir");
        Sessions.verifiedUser(name, Sessions.PASSWORD);
        for (String evil : List.of("//evil.example/x", "https://evil.example/", "/\\evil.example", "http:/evil", " //evil.example",
                "javascript:alert(1)")) {
            Sessions.csrf("/login").form().formParam("login", name).formParam("password", Sessions.PASSWORD)
                    .formParam("next", evil).post("/login").then().statusCode(303)
                    .header("Location", not(containsString("evil"))).header("Location", endsWith(":" + port() + "/"));
        }
        Sessions.csrf("/login").form().formParam("login", name).formParam("password", Sessions.PASSWORD)
                .formParam("next", "/articles/linkedin-trains-ai-on-members-data-by-default?sort=top").post("/login")
                .then().statusCode(303)
                .header("Location", endsWith("/articles/linkedin-trains-ai-on-members-data-by-default?sort=top"));
        // the login page keeps a safe ?next and drops an unsafe one
        given().get("/login?next=/sections/privacy").then().body(containsString("value=\"/sections/privacy\""));
        given().get("/login?next=//evil.example").then().body(not(containsString("evil")));
        // without ?next, the page the reader came from (same site only)
        given().header("Referer", "http://localhost:" + port() + "/sections/ai").get("/login")
                .then().body(containsString("name=\"next\" value=\"/sections/ai\""));
        given().header("Referer", "https://evil.example/sections/ai").get("/login")
                .then().body(not(containsString("evil"))).body(containsString("name=\"next\" value=\"\""));
        // a page that needs a login sends back to it afterwards
        given().redirects().follow(false).get("/settings").then().statusCode(302)
                .header("Location", endsWith("/login?next=%2Fsettings"));
    }

    static int port() {
        return io.restassured.RestAssured.port;
    }

    @Test
    void anonymousPagesSetNoCookie() {
        for (String page : List.of("/", "/sections/privacy", "/articles/linkedin-trains-ai-on-members-data-by-default",
                "/policy", "/users/moddy", "/api/articles")) {
            Response r = given().redirects().follow(false).get(page);
            assertEquals(200, r.statusCode(), page);
            assertNull(r.getHeader("Set-Cookie"), page + " set a cookie");
        }
        // only the form pages give the CSRF cookie, and never a session cookie
        Response login = given().get("/login");
        assertNotNull(login.getCookie(Sessions.CSRF));
        assertNull(login.getCookie(Sessions.SESSION_COOKIE));
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSite() {
        String name = Fixtures.unique("ck");
        Sessions.verifiedUser(name, Sessions.PASSWORD);
        String setCookie = Sessions.csrf("/login").form().formParam("login", name).formParam("password", Sessions.PASSWORD)
                .post("/login").getHeaders().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(Sessions.SESSION_COOKIE + "=")).findFirst().orElseThrow();
        assertTrue(setCookie.toLowerCase().contains("httponly"), setCookie);
        assertTrue(setCookie.contains("SameSite=Lax"), setCookie);
        assertTrue(setCookie.contains("Path=/"), setCookie);
    }

    @Test
    void settingsNeedALogin() {
        given().redirects().follow(false).get("/settings/export").then().statusCode(302);
        Sessions.csrf("/login").form().post("/settings/profile").then().statusCode(302);
    }
}
