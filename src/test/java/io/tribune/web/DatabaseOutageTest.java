package io.tribune.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.not;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.tribune.article.Article;
import io.tribune.comment.Comment;
import io.tribune.devdb.DatabaseOutage;
import io.tribune.testsupport.Fixtures;
import io.tribune.testsupport.Sessions;
import jakarta.inject.Inject;

/**
 * The database goes away (every connection cut, new ones refused, as when the server crashes) and comes back:
 * pages and the API answer the friendly 503 at once, readiness says DOWN, sessions survive, and the site recovers
 * by itself.
 */
@QuarkusTest
class DatabaseOutageTest {

    @Inject
    Fixtures fixtures;

    @Inject
    DatabaseChanges changes;

    @Test
    void outageAnswers503AtOnceAndTheSiteRecoversByItself() {
        Article article = fixtures.article("Outage");
        Sessions.Session reader = Sessions.newUser("outage");
        given().get("/").then().statusCode(200);
        given().get("/articles/" + article.slug).then().statusCode(200);
        given().get("/articles/" + article.slug).then().statusCode(200); // now answered from memory
        try {
            DatabaseOutage.begin();
            long cut = System.nanoTime();

            // the page in memory may be answered until this instance notices the outage, within a second
            Response page = timed(() -> given().get("/articles/" + article.slug));
            while (page.statusCode() == 200 && System.nanoTime() - cut < 1_000_000_000L) {
                sleep();
                page = timed(() -> given().get("/articles/" + article.slug));
            }
            assertEquals(503, page.statusCode());
            assertEquals("5", page.header("Retry-After"));
            assertTrue(page.asString().contains("Back soon") && page.asString().contains("cannot reach its database"),
                    "the site's own 503 page");

            Response json = timed(() -> given().get("/api/articles/" + article.slug));
            json.then().statusCode(503).contentType(ContentType.JSON).header("Retry-After", "5")
                    .body("status", equalTo(503)).body("message", not(emptyOrNullString()));

            Response post = timed(() -> post(reader, article, "Written during the outage"));
            post.then().statusCode(503).contentType(ContentType.JSON);
            assertNull(post.getCookie(Sessions.SESSION_COOKIE), "an outage must not end the session");

            timed(() -> reader.given().get("/")).then().statusCode(503).body(containsString("Back soon"));
            given().get("/css/tribune.css").then().statusCode(200); // the 503 page keeps its stylesheet
            given().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
        } finally {
            DatabaseOutage.end();
        }

        long back = System.nanoTime();
        while (given().get("/").statusCode() != 200) {
            assertTrue(System.nanoTime() - back < 5_000_000_000L, "the site did not recover within 5 s");
            sleep();
        }
        post(reader, article, "Written after the outage").then().statusCode(201);
        assertEquals(1, QuarkusTransaction.requiringNew().call(() -> Comment.count("body", "Written after the outage")));
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> Comment.count("body", "Written during the outage")));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        await().atMost(Duration.ofSeconds(5)).until(changes::isLive);
        given().get("/articles/" + article.slug).then().statusCode(200).body(containsString("Written after the outage"));
    }

    private static Response post(Sessions.Session session, Article article, String body) {
        return session.given().contentType(ContentType.JSON)
                .header("X-CSRF-TOKEN", session.cookies().get(Sessions.CSRF))
                .body("{\"body\": \"" + body + "\"}")
                .post("/api/articles/" + article.slug + "/comments");
    }

    private static Response timed(Supplier<Response> request) {
        long start = System.nanoTime();
        Response response = request.get();
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 1000, "answered after " + millis + " ms");
        return response;
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
