package io.tribune.account.session;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.tribune.account.User;
import io.tribune.testsupport.Sessions;
import jakarta.inject.Inject;

/**
 * The session check remembers users between requests; a change to a user's row ends what it remembered at once
 * when made through this instance, and as soon as PostgreSQL announces it when made anywhere else.
 */
@QuarkusTest
class RememberedSessionsTest {

    @Inject
    DataSource dataSource;

    @Test
    void aRevocationByAnotherInstanceEndsTheSessionHere() throws SQLException {
        Sessions.Session reader = Sessions.newUser("elsewhere");
        reader.given().get("/").then().statusCode(200).body(containsString("Log out"));
        reader.given().get("/").then().statusCode(200).body(containsString("Log out")); // now remembered

        // as another instance logging the user out everywhere would: straight in the database
        sql("update app_user set session_generation = session_generation + 1 where lower(username) = lower(?)",
                reader.username());
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                .untilAsserted(() -> reader.given().get("/").then().statusCode(200).body(not(containsString("Log out"))));
    }

    @Test
    void aChangeMadeHereCountsOnTheVeryNextRequest() {
        Sessions.Session reader = Sessions.newUser("here");
        reader.given().get("/").then().statusCode(200).body(containsString("Log out"));
        reader.given().get("/").then().statusCode(200).body(containsString("Log out"));

        QuarkusTransaction.requiringNew().run(() -> {
            // PostgreSQL sends no notice for this change (its trigger is off inside this transaction), so only this
            // instance's own forgetting, at the end of the transaction, can make the next request see it
            User.getEntityManager().createNativeQuery("alter table app_user disable trigger app_user_changed")
                    .executeUpdate();
            User.<User>find("lower(username) = lower(?1)", reader.username()).firstResult().sessionGeneration++;
            User.getEntityManager().flush();
            User.getEntityManager().createNativeQuery("alter table app_user enable trigger app_user_changed")
                    .executeUpdate();
        });
        reader.given().get("/").then().statusCode(200).body(not(containsString("Log out")));
    }

    @Test
    void aNewModeratorRoleSetElsewhereIsGrantedWithoutLoggingInAgain() throws SQLException {
        Sessions.Session reader = Sessions.newUser("promoted");
        reader.given().redirects().follow(false).get("/admin").then().statusCode(403);
        sql("update app_user set roles = roles || ',moderator' where lower(username) = lower(?)", reader.username());
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                .untilAsserted(() -> reader.given().redirects().follow(false).get("/admin").then().statusCode(200));
    }

    private void sql(String statement, String username) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(statement)) {
            update.setString(1, username);
            assertEquals(1, update.executeUpdate());
        }
    }
}
