package io.tribune.live;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.tribune.account.User;
import io.tribune.article.Article;
import io.tribune.testsupport.Fixtures;
import io.tribune.testsupport.Sessions;
import jakarta.inject.Inject;

/**
 * The article page loads the live script (the same tag for every reader, so cached and shared pages stay exact)
 * while comments are open or the thread had recent activity, and not otherwise.
 */
@QuarkusTest
class LivePageTest {

    @Inject
    Fixtures fixtures;

    @Test
    void anOpenThreadLoadsTheScriptForAnonymousAndLoggedInReadersAlike() {
        Article article = fixtures.article("Live script open");
        String tag = "/live.js\" data-live=\"/articles/" + article.slug + "/live\" defer></script>";
        given().get("/articles/" + article.slug).then().statusCode(200).body(containsString(tag))
                .header("Set-Cookie", (String) null);
        Sessions.newUser("livepage").given().get("/articles/" + article.slug).then().statusCode(200)
                .body(containsString(tag));
    }

    @Test
    void aClosedThreadLoadsItOnlyWhileItHadRecentActivity() {
        Article quiet = fixtures.article("Live script closed and quiet");
        fixtures.closeComments(quiet);
        given().get("/articles/" + quiet.slug).then().statusCode(200).body(not(containsString("live.js")));

        User author = fixtures.user(Fixtures.unique("recent"));
        Article recent = fixtures.article("Live script closed but busy");
        fixtures.comment(recent, null, author, "Just now");
        fixtures.closeComments(recent);
        given().get("/articles/" + recent.slug).then().statusCode(200).body(containsString("live.js"));

        Article old = fixtures.article("Live script closed long ago");
        fixtures.age(fixtures.comment(old, null, author, "Two days ago"), Duration.ofDays(2));
        fixtures.closeComments(old);
        given().get("/articles/" + old.slug).then().statusCode(200).body(not(containsString("live.js")));
    }
}
