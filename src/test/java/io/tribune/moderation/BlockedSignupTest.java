package io.tribune.moderation;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.tribune.account.User;
import io.tribune.testsupport.Fixtures;
import io.tribune.testsupport.Sessions;

/** The sign-up form refuses a username or email that belonged to a de-registered account. */
@QuarkusTest
class BlockedSignupTest {

    @Test
    void deregisteredIdentitiesCannotSignUpAgain() {
        String name = Fixtures.unique("ghost");
        block(BlockedIdentity.EMAIL, name + "@Mail.test");
        block(BlockedIdentity.USERNAME, name + "-old");

        Sessions.csrf("/signup").form().formParam("username", name).formParam("email", name.toUpperCase() + "@mail.test")
                .formParam("password", "long enough password").formParam("acceptPolicy", "on").post("/signup")
                .then().statusCode(422).body(containsString("de-registered under the comment policy"))
                .body(containsString("value=\"" + name + "\""));
        Sessions.csrf("/signup").form().formParam("username", name + "-OLD").formParam("email", name + "@fresh.test")
                .formParam("password", "long enough password").formParam("acceptPolicy", "on").post("/signup")
                .then().statusCode(422).body(containsString("de-registered under the comment policy"));
        assertTrue(User.findByUsername(name).isEmpty() && User.findByUsername(name + "-old").isEmpty(),
                "no account was created");
    }

    void block(String kind, String value) {
        QuarkusTransaction.requiringNew().run(() -> {
            BlockedIdentity b = new BlockedIdentity();
            b.kind = kind;
            b.value = BlockedIdentity.normalize(value);
            b.createdAt = Instant.now();
            b.persist();
        });
    }
}
