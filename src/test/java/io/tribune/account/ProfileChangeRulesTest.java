package io.tribune.account;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.tribune.testsupport.Fixtures;
import io.tribune.testsupport.Sessions;
import io.tribune.testsupport.Sessions.Session;

/**
 * Issue 19: only a verified account in good standing changes its public display name and bio. The others see why
 * on the settings page (the fields disabled), and a forged POST is refused with nothing changed.
 */
@io.quarkus.test.junit.QuarkusTest
class ProfileChangeRulesTest {

    @Test
    void aVerifiedActiveUserChangesTheirProfile() {
        Session session = Sessions.newUser("profile-ok");
        session.given().get("/settings").then().statusCode(200)
                .body(org.hamcrest.Matchers.not(containsString("id=\"profile-block\"")));
        session.form().formParam("displayName", "New Name").formParam("bio", "New bio").post("/settings/profile")
                .then().statusCode(303);
        User after = reload(session.username());
        assertEquals("New Name", after.displayName);
        assertEquals("New bio", after.bio);
    }

    @Test
    void anUnverifiedUserIsToldWhyAndAForgedPostChangesNothing() {
        String name = Fixtures.unique("profile-unverified");
        Sessions.verifiedUser(name, Sessions.PASSWORD);
        QuarkusTransaction.requiringNew().run(() -> User.<User>findByUsername(name).orElseThrow().emailVerifiedAt = null);
        Session session = Sessions.login(name, Sessions.PASSWORD);
        refused(session, "Verify your email address first");
    }

    @Test
    void aSuspendedUserIsToldWhyAndAForgedPostChangesNothing() {
        Session session = Sessions.newUser("profile-suspended");
        QuarkusTransaction.requiringNew().run(() -> {
            User u = User.<User>findByUsername(session.username()).orElseThrow();
            u.status = UserStatus.SUSPENDED;
            u.suspendedUntil = Instant.now().plusSeconds(86_400);
        });
        refused(session, "Your account is suspended: your public display name and bio cannot be changed");
    }

    @Test
    void aDeregisteredUserIsToldWhyAndAForgedPostChangesNothing() {
        Session session = Sessions.newUser("profile-deregistered");
        // still logged in (the session's generation is kept): de-registered users may log in to read and export
        QuarkusTransaction.requiringNew().run(() -> User.<User>findByUsername(session.username()).orElseThrow().status =
                UserStatus.DEREGISTERED);
        refused(session, "This account was de-registered: its public display name and bio can no longer be changed.");
    }

    private static void refused(Session session, String why) {
        User before = reload(session.username());
        session.given().get("/settings").then().statusCode(200)
                .body(containsString("id=\"profile-block\">" + why))
                .body(containsString("<fieldset class=\"plain\" disabled aria-describedby=\"profile-block\">"));
        session.form().formParam("displayName", "Forged Name").formParam("bio", "Forged bio").post("/settings/profile")
                .then().statusCode(403).body(containsString(why))
                .body(containsString("value=\"" + before.displayName + "\""));
        User after = reload(session.username());
        assertEquals(before.displayName, after.displayName, "display name unchanged");
        assertEquals(before.bio, after.bio, "bio unchanged");
    }

    private static User reload(String username) {
        return QuarkusTransaction.requiringNew().call(() -> User.findByUsername(username).orElseThrow());
    }
}
