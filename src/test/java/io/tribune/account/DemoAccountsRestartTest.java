package io.tribune.account;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.tribune.testsupport.Sessions;
import io.tribune.testsupport.Sessions.Session;
import jakarta.inject.Inject;

/** With a fixed demo password (dev and test profiles), a restart such as a dev-mode live reload logs nobody out. */
@QuarkusTest
class DemoAccountsRestartTest {

    @Inject
    AccountStartup startup;

    @Test
    void aRestartKeepsTheDemoPasswordsAndSessions() {
        Session moddy = Sessions.login("moddy", "demo-password-for-tests");
        moddy.given().get("/").then().statusCode(200).body(containsString("href=\"/admin\""));
        String hash = AccountJourneyTest.reload("moddy").passwordHash;
        int generation = AccountJourneyTest.reload("moddy").sessionGeneration;

        startup.demoAccounts(); // what every start does

        assertEquals(hash, AccountJourneyTest.reload("moddy").passwordHash, "the password is not set again");
        assertEquals(generation, AccountJourneyTest.reload("moddy").sessionGeneration, "no session was ended");
        moddy.given().get("/").then().statusCode(200).body(containsString("href=\"/admin\""));
        Sessions.login("moddy", "demo-password-for-tests").given().get("/").then().body(containsString("href=\"/admin\""));
    }
}
