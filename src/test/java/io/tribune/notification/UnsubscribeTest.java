package io.tribune.notification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.tribune.account.User;
import io.tribune.testsupport.Fixtures;
import jakarta.inject.Inject;

/** Emailed unsubscribe links: without logging in, only for their own user and kind; forged or expired ones change nothing. */
@QuarkusTest
class UnsubscribeTest {

    @Inject
    Fixtures fixtures;
    @Inject
    NotificationFixtures nf;
    @Inject
    UnsubscribeTokens tokens;
    @Inject
    Emails emails;

    private static String path(String url) {
        URI uri = URI.create(url);
        return uri.getRawPath() + "?" + uri.getRawQuery();
    }

    private User chooser(String prefix) {
        User u = fixtures.user(Fixtures.unique(prefix));
        nf.choose(u.id, true, true, true, true);
        return nf.user(u.username);
    }

    @Test
    void oneClickWorksWithoutLoginForItsOwnUserAndKindOnly() {
        User alice = chooser("alice");
        User bob = chooser("bob");
        String link = path(emails.unsubscribeUrl(alice, EmailKind.REPLIES));

        // opening the link (as mail scanners do) changes nothing and sets no cookie
        Response page = given().redirects().follow(false).get(link);
        assertEquals(200, page.statusCode());
        assertTrue(page.asString().contains("Stop emails about replies to your comments?"));
        assertTrue(page.getCookies().isEmpty(), "no cookie for an anonymous visitor: " + page.getCookies());
        assertTrue(nf.user(alice.username).notifyReplies);

        // RFC 8058: a POST with List-Unsubscribe=One-Click, no cookie, no CSRF token
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .body("List-Unsubscribe=One-Click").post(link).then().statusCode(200);
        User after = nf.user(alice.username);
        assertFalse(after.notifyReplies, "replies stopped");
        assertTrue(after.notifyMentions && after.notifyModeration && after.notifyReports, "the other kinds untouched");
        User bobAfter = nf.user(bob.username);
        assertTrue(bobAfter.notifyReplies, "another user untouched");
        given().get(link).then().statusCode(200).body(containsString("You no longer receive emails about replies"));
    }

    @Test
    void theButtonOnThePageUnsubscribesAndComesBackToIt() {
        User carol = chooser("carol");
        String link = path(emails.unsubscribeUrl(carol, EmailKind.MENTIONS));
        given().get(link).then().statusCode(200).body(containsString("<form method=\"post\" action=\"/unsubscribe?token="));
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded").post(link).then().statusCode(303)
                .header("Location", containsString("/unsubscribe?token="));
        assertFalse(nf.user(carol.username).notifyMentions);
        assertTrue(nf.user(carol.username).notifyReplies);
    }

    @Test
    void forgedOrExpiredTokensGetAClearPageAndChangeNothing() {
        User alice = chooser("alice");
        User bob = chooser("bob");
        String token = tokens.issue(alice.id, EmailKind.REPLIES);
        String[] parts = token.split("\\.");
        String otherUser = bob.id + "." + parts[1] + "." + parts[2] + "." + parts[3];
        String otherKind = parts[0] + ".MODERATION." + parts[2] + "." + parts[3];
        String expired = tokens.issue(alice.id, EmailKind.REPLIES, Instant.now().minusSeconds(60));
        for (String bad : new String[] { otherUser, otherKind, "garbage", "", "1.REPLIES.99999999999.x" }) {
            given().queryParam("token", bad).get("/unsubscribe").then().statusCode(400)
                    .body(containsString("othing was changed")).body(not(containsString("Stop these emails")));
            given().redirects().follow(false).queryParam("token", bad).contentType("application/x-www-form-urlencoded")
                    .body("List-Unsubscribe=One-Click").post("/unsubscribe").then().statusCode(400);
        }
        given().queryParam("token", expired).get("/unsubscribe").then().statusCode(400).body(containsString("expired"));
        given().redirects().follow(false).queryParam("token", expired).contentType("application/x-www-form-urlencoded")
                .body("List-Unsubscribe=One-Click").post("/unsubscribe").then().statusCode(400);
        given().get("/unsubscribe").then().statusCode(400);
        User a = nf.user(alice.username);
        User b = nf.user(bob.username);
        assertTrue(a.notifyReplies && a.notifyModeration && b.notifyReplies, "nothing changed");
    }
}
