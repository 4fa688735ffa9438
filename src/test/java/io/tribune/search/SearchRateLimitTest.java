package io.tribune.search;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** Searching is limited per address: past the limit the form comes back with what was typed, and no query runs. */
@QuarkusTest
@TestProfile(SearchRateLimitTest.ThreeSearches.class)
class SearchRateLimitTest {

    public static class ThreeSearches implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tribune.rate-limit.search-per-ip", "3", "tribune.rate-limit.search-window", "1H");
        }
    }

    @Test
    void theFourthSearchWithinTheWindowIsRefusedPolitely() {
        given().get("/search").then().statusCode(200); // the empty form is not a search
        for (int i = 0; i < 3; i++) {
            given().queryParam("q", "privacy").get("/search").then().statusCode(200)
                    .body(not(containsString("searched a lot")));
        }
        given().queryParam("q", "quantum <b>routers</b>").get("/search").then().statusCode(429)
                .header("Retry-After", org.hamcrest.Matchers.matchesPattern("[1-9][0-9]*"))
                .body(containsString("You have searched a lot in a short time"))
                .body(containsString("value=\"quantum &lt;b&gt;routers&lt;/b&gt;\""))
                .body(not(containsString("Nothing found")));
        given().get("/search").then().statusCode(200); // the form itself is still there
    }
}
