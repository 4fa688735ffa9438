package io.tribune.moderation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.tribune.account.User;
import io.tribune.account.UserStatus;
import io.tribune.article.Article;
import io.tribune.testsupport.Fixtures;
import jakarta.inject.Inject;

@QuarkusTest
class MyModerationPageTest {

    static final String USER = "history-user";

    @Inject
    Fixtures fixtures;
    @Inject
    ModerationFixtures mf;
    @Inject
    CommentDecisions decisions;
    @Inject
    UserSanctions sanctions;

    User user;

    @BeforeEach
    void setUp() {
        Csrf.install();
        user = mf.account(USER, "commenter", UserStatus.ACTIVE);
    }

    @AfterEach
    void tearDown() {
        Csrf.uninstall();
    }

    @Test
    @TestSecurity(user = USER, roles = "commenter")
    void theUserSeesTheirRemovalsStrikesAndSuspension() {
        User mod = mf.account(Fixtures.unique("mod"), "commenter,moderator", UserStatus.ACTIVE);
        Article article = fixtures.article("History");
        long first = fixtures.comment(article, null, user, "An insult to remember").id;
        decisions.remove(mod, first, ReportReason.ABUSIVE, "Personal attack");
        decisions.remove(mod, fixtures.comment(article, null, user, "Another one").id, ReportReason.ABUSIVE, null);
        given().get("/settings/moderation").then().statusCode(200)
                .body(containsString("Your moderation history"))
                .body(containsString("suspended until"))
                .body(containsString("Active strikes: 2"))
                .body(containsString("A comment of yours was removed"))
                .body(containsString("Reason: Abusive: Personal attack"))
                .body(containsString("An insult to remember"))
                .body(containsString("Your account was suspended"))
                .body(not(containsString(mod.username)));
    }

    @Test
    void anonymousVisitorsMustLogIn() {
        int status = given().redirects().follow(false).get("/settings/moderation").then().extract().statusCode();
        org.junit.jupiter.api.Assertions.assertTrue(status == 401 || status == 302, "was " + status);
    }
}
