package io.tribune.reading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.tribune.account.User;
import io.tribune.account.UserStatus;
import io.tribune.article.Article;
import io.tribune.comment.Comment;
import io.tribune.testsupport.Fixtures;
import io.tribune.testsupport.Sessions;
import io.tribune.testsupport.Sessions.Session;
import jakarta.inject.Inject;

/**
 * Logged-in readers share one rendering of the article page, with their own header, token, comment box and
 * actions put in: two readers' pages side by side never show one's state to the other.
 */
@QuarkusTest
class LoggedInArticlePagesTest {

    private static final Pattern TOKEN_FIELD = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    @Inject
    Fixtures fixtures;

    @Test
    void twoReadersPagesSideBySideShowEachOnlyTheirOwnVotesControlsNameAndToken() {
        Session alice = Sessions.newUser("alice");
        Session bob = Sessions.newUser("bob");
        Article article = fixtures.article("Two readers side by side");
        Comment alices = fixtures.comment(article, null, user(alice), "Alice writes first");
        Comment bobs = fixtures.comment(article, null, user(bob), "Bob answers");

        // bob up-votes alice's comment through the page's one form
        String bobsPage = page(bob, article);
        String bobsToken = onlyToken(bobsPage);
        bob.given().contentType("application/x-www-form-urlencoded").formParam("csrf-token", bobsToken)
                .formParam("vote", alices.id).post("/comments/actions").then().statusCode(303);

        String alicesPage = page(alice, article);
        bobsPage = page(bob, article);

        // bob: his vote on alice's comment, pressed, with its count; his own comment without a vote button
        assertTrue(bobsPage.contains(voteButton(alices.id, true, 1)), "bob sees his up-vote");
        assertFalse(bobsPage.contains("name=\"vote\" value=\"" + bobs.id + "\""), "no vote on his own comment");
        assertTrue(bobsPage.contains("/comments/" + bobs.id + "/delete"), "bob may delete his comment");
        assertTrue(bobsPage.contains("/comments/" + bobs.id + "/edit"), "bob may edit his new comment");
        assertFalse(bobsPage.contains("/comments/" + alices.id + "/delete"));
        assertFalse(bobsPage.contains("/comments/" + alices.id + "/edit"));
        assertTrue(bobsPage.contains("/comments/" + alices.id + "/report"));
        assertFalse(bobsPage.contains("/comments/" + bobs.id + "/report"));

        // alice: the same count, but not pressed (it is not her vote, and it is her comment: no button at all)
        assertTrue(alicesPage.contains("<span class=\"votes\">Up 1</span>"), "alice sees the count on her comment");
        assertFalse(alicesPage.contains("aria-pressed=\"true\""), "no vote of bob's shows as alice's");
        assertTrue(alicesPage.contains(voteButton(bobs.id, false, 0)), "alice may up-vote bob's comment");
        assertTrue(alicesPage.contains("/comments/" + alices.id + "/delete"));
        assertTrue(alicesPage.contains("/comments/" + alices.id + "/edit"));
        assertFalse(alicesPage.contains("/comments/" + bobs.id + "/delete"));
        assertFalse(alicesPage.contains("/comments/" + bobs.id + "/edit"));
        assertTrue(alicesPage.contains("/comments/" + bobs.id + "/report"));
        assertFalse(alicesPage.contains("/comments/" + alices.id + "/report"));

        // each header names its own reader, each page carries its own reader's token only
        assertTrue(accountNav(alicesPage).contains("href=\"/users/" + alice.username() + "\">" + alice.username() + "</a>"));
        assertFalse(accountNav(alicesPage).contains(bob.username()));
        assertTrue(accountNav(bobsPage).contains("href=\"/users/" + bob.username() + "\">" + bob.username() + "</a>"));
        assertFalse(accountNav(bobsPage).contains(alice.username()));
        String alicesToken = onlyToken(alicesPage);
        assertFalse(alicesToken.equals(onlyToken(bobsPage)), "two sessions, two tokens");
        assertFalse(bobsPage.contains(alicesToken));
        assertTrue(alicesPage.contains("id=\"compose-new\""), "alice gets the comment box");

        // alice's new comment is on her very next page, and on bob's
        fixtures.ageAllBy(user(alice), Duration.ofMinutes(5));
        alice.given().contentType("application/x-www-form-urlencoded").formParam("csrf-token", alicesToken)
                .formParam("article", article.slug).formParam("body", "Alice again, at once").formParam("action", "post")
                .post("/comments").then().statusCode(303);
        assertTrue(page(alice, article).contains("Alice again, at once"));
        assertTrue(page(bob, article).contains("Alice again, at once"));
    }

    @Test
    void theEditLinkEndsWithTheEditWindow() {
        Session carol = Sessions.newUser("carol");
        Article article = fixtures.article("An edit window");
        Comment old = fixtures.comment(article, null, user(carol), "Written long ago");
        fixtures.age(old, Duration.ofHours(1));
        Comment fresh = fixtures.comment(article, null, user(carol), "Written just now");
        String html = page(carol, article);
        assertFalse(html.contains("/comments/" + old.id + "/edit"), "past the window");
        assertTrue(html.contains("/comments/" + old.id + "/delete"), "delete has no window");
        assertTrue(html.contains("/comments/" + fresh.id + "/edit"));
    }

    @Test
    void readersWhoMayNotTakePartGetNoControlsAndAreToldWhy() {
        Session dora = Sessions.newUser("dora");
        Session erin = Sessions.newUser("erin");
        Article article = fixtures.article("Who may take part");
        Comment comment = fixtures.comment(article, null, user(erin), "Something to vote on");
        QuarkusTransaction.requiringNew().run(() -> {
            User u = User.findByUsername(dora.username()).orElseThrow();
            u.status = UserStatus.SUSPENDED;
            u.suspendedUntil = Instant.now().plus(Duration.ofDays(7));
        });
        String doras = page(dora, article);
        assertTrue(doras.contains("Your account is suspended"), "told why");
        assertFalse(doras.contains("id=\"compose-new\""), "no comment box");
        assertFalse(doras.contains("name=\"vote\" value=\"" + comment.id + "\""), "no vote button");
        assertFalse(doras.contains("/comments/" + comment.id + "/reply"), "no reply link");
        assertTrue(doras.contains("<span class=\"votes\">Up 0</span>"));

        // erin, on the same shared rendering, keeps her comment box; dora's reason is not on her page
        String erins = page(erin, article);
        assertTrue(erins.contains("id=\"compose-new\""));
        assertFalse(erins.contains("suspended under the comment policy"));
    }

    @Test
    void anUnverifiedReaderIsAskedToVerifyAndGetsNoControls() {
        String name = Fixtures.unique("unverified");
        Sessions.verifiedUser(name, Sessions.PASSWORD);
        QuarkusTransaction.requiringNew().run(() -> User.findByUsername(name).orElseThrow().emailVerifiedAt = null);
        Session frank = Sessions.login(name, Sessions.PASSWORD);
        Session gina = Sessions.newUser("gina");
        Article article = fixtures.article("Verify first");
        Comment comment = fixtures.comment(article, null, user(gina), "Vote for me");
        String html = page(frank, article);
        assertTrue(html.contains("verify your email address"));
        assertFalse(html.contains("name=\"vote\" value=\"" + comment.id + "\""));
        assertFalse(html.contains("id=\"compose-new\""));
    }

    @Test
    void theHomePageOfALoggedInReaderIsTheVisitorsWithTheirOwnAccountLinks() {
        Session hana = Sessions.newUser("hana");
        Session ivan = Sessions.newUser("ivan");
        String visitors = io.restassured.RestAssured.given().get("/").then().statusCode(200).extract().asString();
        String hanas = hana.given().get("/").then().statusCode(200).extract().asString();
        String ivans = ivan.given().get("/").then().statusCode(200).extract().asString();
        // (the front page shows the newest ten: other tests' articles may be newer than one made here)
        assertTrue(visitors.contains("class=\"brand\""));
        assertTrue(accountNav(hanas).contains(">" + hana.username() + "</a>"));
        assertFalse(accountNav(hanas).contains(ivan.username()));
        assertTrue(accountNav(ivans).contains(">" + ivan.username() + "</a>"));
        assertFalse(accountNav(hanas).contains("/login"), "no log-in link for a logged-in reader");
        assertTrue(accountNav(hanas).contains(hana.csrfToken()) || accountNav(hanas).contains("name=\"csrf-token\""),
                "their own log-out form");
        assertEquals(withoutNav(visitors), withoutNav(hanas), "everything else is the visitors' page");
        assertEquals(withoutNav(visitors), withoutNav(ivans));
    }

    private static String withoutNav(String html) {
        int start = html.indexOf("<nav class=\"account-nav\"");
        int end = html.indexOf("</nav>", start);
        return html.substring(0, start) + html.substring(end);
    }

    private static String page(Session session, Article article) {
        return session.given().get("/articles/" + article.slug).then().statusCode(200).extract().asString();
    }

    private static String accountNav(String html) {
        int start = html.indexOf("<nav class=\"account-nav\"");
        assertTrue(start >= 0, "the header's account links");
        return html.substring(start, html.indexOf("</nav>", start));
    }

    private static User user(Session session) {
        return QuarkusTransaction.requiringNew().call(() -> User.findByUsername(session.username()).orElseThrow());
    }

    /** The page's token: the same in every form of the page. */
    private static String onlyToken(String html) {
        Matcher m = TOKEN_FIELD.matcher(html);
        String token = null;
        while (m.find()) {
            assertTrue(token == null || token.equals(m.group(1)), "one token per page");
            token = m.group(1);
        }
        assertTrue(token != null, "a token");
        return token;
    }

    private static String voteButton(long id, boolean voted, int votes) {
        return "<button form=\"comment-actions\" name=\"vote\" value=\"" + id + "\" aria-pressed=\"" + voted + "\">Up "
                + votes + "</button>";
    }
}
