package io.tribune.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.tribune.account.User;
import io.tribune.testsupport.Sessions;
import io.tribune.testsupport.Sessions.Session;
import io.tribune.testsupport.StatementCounter;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * A commenter's header links are kept ({@link KeptNavs}): a kept list page costs them no statement, each reader gets
 * their own links and token, the unread count follows a notification written elsewhere within a second, and their
 * own "mark all read" on their very next page.
 */
@QuarkusTest
class KeptNavsTest {

    private static final Pattern UNREAD = Pattern.compile("Notifications <span class=\"count\">1");

    @Inject
    EntityManager em;

    @Test
    void aCommentersKeptListPageCostsNoStatementAndCarriesTheirOwnLinks() {
        Session ann = Sessions.newUser("annnav");
        Session ben = Sessions.newUser("bennav");
        RestAssured.get("/").then().statusCode(200); // kept for visitors
        StatementCounter.Counted annHome = kept(ann);
        StatementCounter.Counted benHome = kept(ben);
        assertEquals(0, annHome.count(), annHome.statements().toString());
        assertEquals(0, benHome.count(), benHome.statements().toString());
        assertTrue(annHome.body().contains("/users/" + ann.username()) && annHome.body().contains(ann.csrfToken()));
        assertFalse(annHome.body().contains(ben.username()) || annHome.body().contains(ben.csrfToken()));
        assertTrue(benHome.body().contains("/users/" + ben.username()) && benHome.body().contains(ben.csrfToken()));
        assertFalse(benHome.body().contains(ann.username()) || benHome.body().contains(ann.csrfToken()));
    }

    /** The home page once it costs no statement: the notices of the test's own setup may still be arriving (≤ 2 s). */
    private static StatementCounter.Counted kept(Session session) {
        StatementCounter.Counted counted = StatementCounter.count(session.given(), "/");
        for (long until = System.nanoTime() + 2_000_000_000L; counted.count() > 0 && System.nanoTime() < until;) {
            counted = StatementCounter.count(session.given(), "/");
        }
        return counted;
    }

    @Test
    void theUnreadCountFollowsANotificationWithinASecondAndTheirOwnReadingAtOnce() throws InterruptedException {
        Session reader = Sessions.newUser("unreadnav");
        RestAssured.get("/").then().statusCode(200);
        assertEquals(0, kept(reader).count());
        long userId = QuarkusTransaction.requiringNew().call(() -> User.<User>find("username", reader.username()).firstResult().id);

        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "insert into notice (user_id, kind, text) values (?1, 'REPLY', 'A reply from another instance')")
                .setParameter(1, userId).executeUpdate());
        boolean shown = false;
        for (long until = System.nanoTime() + 2_000_000_000L; !shown && System.nanoTime() < until; Thread.sleep(50)) {
            shown = UNREAD.matcher(reader.given().get("/").asString()).find();
        }
        assertTrue(shown, "the new notification is counted within a second or two");

        reader.form().post("/notifications/read").then().statusCode(303);
        assertFalse(UNREAD.matcher(reader.given().get("/").asString()).find(), "read, on the very next page");
    }
}
