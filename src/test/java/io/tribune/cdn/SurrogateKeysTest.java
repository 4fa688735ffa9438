package io.tribune.cdn;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.tribune.testsupport.Sessions;
import jakarta.inject.Inject;

/**
 * Anonymous home, section and article pages carry the Surrogate-Key headers a shared cache purges by; private pages
 * and logged-in readers get none. Without {@code tribune.purge.url} no purge is ever sent.
 */
@QuarkusTest
class SurrogateKeysTest {

    @Inject
    DataSource dataSource;

    @Test
    void anonymousPagesCarryTheirSurrogateKeys() {
        given().get("/").then().statusCode(200).header("Surrogate-Key", equalTo("home lists pages"));
        given().get("/sections/software").then().statusCode(200)
                .header("Surrogate-Key", equalTo("section-software lists pages"));
        String article = "/articles/year-2038-problem-embedded-systems";
        // rendered, then answered from the page cache on the event loop: both carry the key
        for (int i = 0; i < 2; i++) {
            given().get(article).then().statusCode(200)
                    .header("Surrogate-Key", equalTo("article-year-2038-problem-embedded-systems pages"));
        }
        given().get("/articles/no-such-article").then().statusCode(404).header("Surrogate-Key", nullValue());
        given().get("/search?q=cloud").then().statusCode(200).header("Surrogate-Key", nullValue());
    }

    @Test
    void loggedInReadersGetNoSurrogateKeys() {
        Sessions.Session reader = Sessions.newUser("keys");
        reader.given().get("/").then().statusCode(200).header("Surrogate-Key", nullValue());
        reader.given().get("/articles/year-2038-problem-embedded-systems").then().statusCode(200)
                .header("Surrogate-Key", nullValue());
    }

    @Test
    void withoutAPurgeUrlNoPurgeIsSent() throws IOException, SQLException, InterruptedException {
        try (PurgeListener varnish = new PurgeListener();
                Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("update article set updated_at = now() where slug = 'smart-tvs-acr-tracking-study'");
            Thread.sleep(2_000);
            assertTrue(varnish.received.isEmpty(), "no purge without tribune.purge.url");
        }
    }
}
