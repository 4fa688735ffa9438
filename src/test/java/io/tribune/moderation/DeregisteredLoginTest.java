package io.tribune.moderation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.tribune.account.User;
import io.tribune.testsupport.Fixtures;
import io.tribune.testsupport.Sessions;
import jakarta.inject.Inject;

/**
 * De-registration ends every session at once; logging in again works (read-only), and the banner says the real
 * ground. A wrong password is still refused.
 */
@QuarkusTest
class DeregisteredLoginTest {

    @Inject
    UserSanctions sanctions;

    @Test
    void deregistrationEndsTheSessionsAndTheUserLogsInAgainReadOnly() {
        String name = Fixtures.unique("banned");
        Sessions.verifiedUser(name, Sessions.PASSWORD);
        Sessions.Session session = Sessions.login(name, Sessions.PASSWORD);
        session.given().get("/settings").then().statusCode(200);
        User moderator = Sessions.verifiedUser(Fixtures.unique("mod"), Sessions.PASSWORD, "moderator");

        sanctions.deregister(moderator, name, "Repeated personal abuse");

        session.given().get("/settings").then().statusCode(302).header("Location", containsString("/login"));
        Sessions.csrf("/login").form().formParam("login", name).formParam("password", "wrong password here")
                .post("/login").then().statusCode(401).body(containsString("Wrong username, email or password"));
        Sessions.Session again = Sessions.login(name, Sessions.PASSWORD);
        again.given().get("/settings").then().statusCode(200)
                .body(containsString("Your account was de-registered under the comment policy. Ground: decision of a"
                        + " moderator: Repeated personal abuse."));
        given().get("/").then().statusCode(200);
    }
}
