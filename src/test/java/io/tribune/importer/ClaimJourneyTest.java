package io.tribune.importer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
import io.tribune.account.User;
import io.tribune.testsupport.Fixtures;
import io.tribune.testsupport.Sessions;
import jakarta.inject.Inject;

/**
 * An imported commenter signs up with the address of the export, verifies it, and their account (the same user
 * id, with its comments) becomes theirs: their new name on their comments, their settings theirs to change.
 */
@QuarkusTest
class ClaimJourneyTest {

    static final String EMAIL = "claire.claimant@example.test";
    static final Pattern LINK = Pattern.compile("http://[^/\\s]+(/\\S+)");

    @Inject
    Importer importer;

    @Inject
    MockMailbox mailbox;

    static Response signup(String username, String email, String password) {
        return Sessions.csrf("/signup").form().formParam("username", username).formParam("email", email)
                .formParam("password", password).formParam("acceptPolicy", "on").post("/signup");
    }

    static User byEmail(String email) {
        return QuarkusTransaction.requiringNew().call(() -> User.findByEmail(email).orElse(null));
    }

    @Test
    void signingUpWithTheExportsAddressAndVerifyingItClaimsTheAccountAndItsComments() throws ImportFailure {
        importer.run(ImportKind.WORDPRESS, ImportTest.WORDPRESS, false, Importer.Progress.NONE);
        User imported = byEmail(EMAIL);
        assertTrue(imported.unclaimed);
        String article = "/articles/cafe-robots-wxr-fixture";
        given().get(article).then().body(containsString("Claire Claimant"))
                .body(containsString("href=\"/users/" + imported.username + "\""));

        // the sign-up answers exactly as for a new address, and changes nothing yet
        String username = Fixtures.unique("claire");
        String claimed = signup(username, EMAIL, "a long enough secret").then().statusCode(200).extract().asString();
        String other = Fixtures.unique("fresh");
        String fresh = signup(other, other + "@example.test", "a long enough secret").then().statusCode(200).extract()
                .asString();
        assertEquals(fresh.replace(other + "@example.test", "EMAIL").replaceAll("value=\"[^\"]+\"", ""),
                claimed.replace(EMAIL, "EMAIL").replaceAll("value=\"[^\"]+\"", ""));
        assertTrue(byEmail(EMAIL).unclaimed);
        Sessions.csrf("/login").form().formParam("login", username).formParam("password", "a long enough secret")
                .post("/login").then().statusCode(org.hamcrest.Matchers.not(303));
        // a stranger trying the same address cannot cancel the owner's link
        signup(Fixtures.unique("stranger"), EMAIL, "another long secret").then().statusCode(200);

        List<Mail> mails = mailbox.getMailsSentTo(EMAIL);
        assertEquals(2, mails.size());
        Matcher link = LINK.matcher(mails.get(0).getText());
        assertTrue(link.find(), mails.get(0).getText());
        given().get(link.group(1)).then().statusCode(200).body(containsString("Email confirmed"));

        User after = byEmail(EMAIL);
        assertEquals(imported.id, after.id);
        assertEquals(username, after.username);
        assertFalse(after.unclaimed);
        assertNotNull(after.emailVerifiedAt);
        assertEquals("Claire Claimant", after.displayName);
        // the stranger's link no longer works
        Matcher second = LINK.matcher(mails.get(1).getText());
        assertTrue(second.find());
        given().get(second.group(1)).then().statusCode(400);
        assertEquals(username, byEmail(EMAIL).username);

        // log in, change the public name: the imported comments show it and link to the new profile
        Sessions.Session session = Sessions.login(username, "a long enough secret");
        session.given().get("/settings").then().statusCode(200).body(not(containsString("Please verify")));
        session.form().formParam("displayName", "Claire Claimed").formParam("bio", "Moved from the old site.")
                .post("/settings/profile").then().statusCode(303);
        given().get(article).then().statusCode(200).body(containsString("Claire Claimed"))
                .body(containsString("href=\"/users/" + username + "\""))
                .body(not(containsString(imported.username)));
        given().get("/users/" + username).then().statusCode(200).body(containsString("Claire Claimed"))
                .body(containsString("Depth one: a reply to Zoë."));
        // and the export holds them
        session.given().get("/settings/export").then().statusCode(200).body(containsString("Depth one: a reply to Zoë."));

        // a placeholder name cannot be chosen
        signup("imported-abc", "someone-" + System.nanoTime() + "@example.test", "a long enough secret").then()
                .statusCode(422).body(containsString("reserved"));
    }
}
