package io.tribune.live;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.tribune.article.Article;
import io.tribune.testsupport.Fixtures;
import jakarta.inject.Inject;

/** With {@code tribune.live.enabled=false} the stream is a 404 and no page loads the live script. */
@QuarkusTest
@TestProfile(LiveDisabledTest.Disabled.class)
class LiveDisabledTest {

    public static class Disabled implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tribune.live.enabled", "false");
        }
    }

    @Inject
    Fixtures fixtures;

    @Test
    void theRouteIs404AndThePageLoadsNoScript() {
        Article article = fixtures.article("Live switched off");
        given().get("/articles/" + article.slug + "/live").then().statusCode(404);
        given().get("/articles/" + article.slug).then().statusCode(200)
                .body(containsString("<h1>Live switched off</h1>")).body(not(containsString("live.js")));
    }
}
