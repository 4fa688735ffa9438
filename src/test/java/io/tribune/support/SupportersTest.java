package io.tribune.support;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.tribune.account.User;
import io.tribune.testsupport.Sessions;

/**
 * Readers support the site through a signed payment-provider webhook or an admin's grant; supporters get a thank-you
 * and a badge only if they choose it; a forged, stale or replayed event changes nothing.
 */
@QuarkusTest
class SupportersTest {

    static final String SECRET = "test-webhook-secret-for-supporters";

    @Test
    void theSupportPageExplainsWithoutCookiesOrOtherHosts() {
        given().get("/support").then().statusCode(200)
                .header("Set-Cookie", org.hamcrest.Matchers.nullValue())
                .body(containsString("What your support pays for"))
                .body(containsString("not ranked"))
                .body(not(containsString("src=\"http")))
                .body(not(containsString("<script src=\"http")));
        given().get("/").then().body(containsString("href=\"/support\""));
    }

    @Test
    void aSignedCheckoutMakesASupporterOnceAndTheEndEndsIt() {
        Sessions.Session reader = Sessions.newUser("supporter");
        User user = user(reader.username());
        Instant until = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        String id = "evt_" + UUID.randomUUID();
        String checkout = event(id, "checkout.completed", user.email, until);

        send(checkout, now()).statusCode(200).body("outcome", equalTo("granted"));
        Supporter s = supporter(user.id);
        assertEquals(until, s.until);
        assertEquals("provider", s.source);
        assertFalse(s.showBadge, "the badge is off until chosen");
        reader.given().get("/settings").then().statusCode(200)
                .body(containsString("Thank you for supporting Tribune"));
        given().get("/users/" + reader.username()).then().body(not(containsString("badge-supporter")));

        // the provider retries, or someone replays the event: nothing happens twice
        send(checkout, now()).statusCode(200).body("outcome", equalTo("duplicate"));

        send(event("evt_" + UUID.randomUUID(), "subscription.ended", user.email, null), now()).statusCode(200)
                .body("outcome", equalTo("ended"));
        assertFalse(supporter(user.id).isActive());
        reader.given().get("/settings").then().body(not(containsString("Thank you for supporting Tribune")));
        // replaying the old checkout does not bring it back
        send(checkout, now()).statusCode(200).body("outcome", equalTo("duplicate"));
        assertFalse(supporter(user.id).isActive());
    }

    @Test
    void forgedStaleAndMalformedEventsAreRefusedAndChangeNothing() {
        Sessions.Session reader = Sessions.newUser("forger");
        User user = user(reader.username());
        String body = event("evt_" + UUID.randomUUID(), "checkout.completed", user.email,
                Instant.now().plus(365, ChronoUnit.DAYS));
        given().contentType("application/json").header(SupporterWebhook.SIGNATURE,
                WebhookSignature.header("not-the-secret", now(), body)).body(body)
                .post("/api/supporters/events").then().statusCode(401).body("status", equalTo(401));
        given().contentType("application/json").body(body).post("/api/supporters/events").then().statusCode(401)
                .body("message", containsString("missing"));
        send(body, now() - 3600).statusCode(401).body("message", containsString("too old"));
        given().contentType("application/json").header(SupporterWebhook.SIGNATURE, "t=abc,v1=00").body(body)
                .post("/api/supporters/events").then().statusCode(401);
        assertNull(supporter(user.id), "nothing stored");

        send("{not json", now()).statusCode(400);
        send("{\"id\":\"evt_x1\",\"type\":\"checkout.completed\",\"data\":{\"email\":\"" + user.email
                + "\",\"until\":\"next year\"}}", now()).statusCode(400).body("field", equalTo("data.until"));
        assertNull(supporter(user.id), "nothing stored");

        send(event("evt_" + UUID.randomUUID(), "checkout.completed", "nobody-" + UUID.randomUUID() + "@example.test",
                Instant.now().plus(1, ChronoUnit.DAYS)), now()).statusCode(200)
                .body("outcome", equalTo("no-account"));
    }

    @Test
    void theBadgeIsTheSupportersChoice() {
        Sessions.Session reader = Sessions.newUser("badge");
        User user = user(reader.username());
        reader.form().formParam("showBadge", "on").post("/settings/supporter").then().statusCode(403);

        send(event("evt_" + UUID.randomUUID(), "checkout.completed", user.email,
                Instant.now().plus(10, ChronoUnit.DAYS)), now()).statusCode(200);
        reader.given().get("/settings/supporter").then().statusCode(200)
                .body(containsString("Thank you for supporting Tribune"))
                .body(containsString("name=\"showBadge\" value=\"on\">"));
        reader.form().formParam("showBadge", "on").post("/settings/supporter").then().statusCode(303);
        // the public profile is kept for visitors until PostgreSQL's change notice arrives (within a second)
        awaitProfile(reader.username(), containsString("<span class=\"badge badge-supporter\">Supporter</span>"));
        reader.form().post("/settings/supporter").then().statusCode(303);
        awaitProfile(reader.username(), not(containsString("badge-supporter")));
        given().redirects().follow(false).get("/settings/supporter").then().statusCode(302);
    }

    @Test
    void adminsGrantAndEndSupportWithClearMessages() {
        Sessions.Session admin = Sessions.newUser("support-admin", "admin");
        Sessions.Session reader = Sessions.newUser("granted");
        Sessions.newUser("not-admin", "moderator").given().get("/admin/supporters").then().statusCode(403);

        admin.form().formParam("username", reader.username()).formParam("until", "31/12/2099")
                .post("/admin/supporters").then().statusCode(400)
                .body(containsString("YYYY-MM-DD")).body(containsString("value=\"31/12/2099\""));
        admin.form().formParam("username", "no-such-user-x").formParam("until", "2099-12-31")
                .post("/admin/supporters").then().statusCode(400).body(containsString("no user called"));
        admin.form().formParam("username", reader.username()).formParam("until", "2001-01-01")
                .post("/admin/supporters").then().statusCode(400).body(containsString("in the future"));
        assertNull(supporter(user(reader.username()).id));

        admin.form().formParam("username", reader.username()).formParam("until", "2099-12-31")
                .post("/admin/supporters").then().statusCode(303);
        assertTrue(supporter(user(reader.username()).id).isActive());
        admin.given().get("/admin/supporters").then().statusCode(200).body(containsString("@" + reader.username()));
        admin.form().formParam("username", reader.username()).post("/admin/supporters/end").then().statusCode(303);
        assertFalse(supporter(user(reader.username()).id).isActive());
    }

    private static ValidatableResponse send(String body, long timestamp) {
        return given().contentType("application/json")
                .header(SupporterWebhook.SIGNATURE, WebhookSignature.header(SECRET, timestamp, body)).body(body)
                .post("/api/supporters/events").then();
    }

    private static String event(String id, String type, String email, Instant until) {
        return "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"data\":{\"email\":\"" + email + "\""
                + (until == null ? "" : ",\"until\":\"" + until + "\"") + "}}";
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }

    private static User user(String username) {
        return QuarkusTransaction.requiringNew().call(() -> User.<User>find("username", username).firstResult());
    }

    private static Supporter supporter(long userId) {
        return QuarkusTransaction.requiringNew().call(() -> Supporter.<Supporter>findById(userId));
    }

    private static void awaitProfile(String username, org.hamcrest.Matcher<String> shows) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(2)).untilAsserted(() ->
                given().get("/users/" + username).then().statusCode(200).body(shows));
    }
}
