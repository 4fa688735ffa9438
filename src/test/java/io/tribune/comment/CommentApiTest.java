package io.tribune.comment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.tribune.account.User;
import io.tribune.article.Article;
import io.tribune.testsupport.Csrf;
import io.tribune.testsupport.Fixtures;
import jakarta.inject.Inject;

@QuarkusTest
class CommentApiTest {

    @Inject
    Fixtures fixtures;

    Article article;
    String csrf;

    @BeforeEach
    void setUp() {
        article = fixtures.article("Comment API");
        fixtures.namedUser("apiuser");
        fixtures.namedUser("apiother");
        fixtures.ageAllBy(User.findByUsername("apiuser").orElseThrow(), java.time.Duration.ofMinutes(5));
        csrf = Csrf.token();
    }

    RequestSpecification api() {
        return given().contentType(ContentType.JSON).cookie(Csrf.COOKIE, csrf).header("X-CSRF-TOKEN", csrf);
    }

    @Test
    @TestSecurity(user = "apiuser", roles = "commenter")
    void postEditDeleteLifecycle() {
        int id = api().body("{\"body\": \"From the *API*\"}")
                .post("/api/articles/" + article.slug + "/comments").then().statusCode(201)
                .header("Location", containsString("/comments/"))
                .body("status", equalTo("visible"))
                .body("bodyHtml", containsString("<em>API</em>"))
                .body("depth", equalTo(0))
                .extract().path("id");
        api().body("{\"body\": \"A reply\", \"parentId\": " + id + "}")
                .post("/api/articles/" + article.slug + "/comments").then().statusCode(429)
                .body("field", equalTo("body"))
                .body("message", containsString("wait"));
        api().body("{\"body\": \"Edited via API\"}").patch("/api/comments/" + id).then().statusCode(200)
                .body("editedAt", notNullValue());
        api().delete("/api/comments/" + id).then().statusCode(204);
        given().get("/api/articles/" + article.slug + "/comments").then().body("threads.size()", equalTo(0));
    }

    @Test
    @TestSecurity(user = "apiuser", roles = "commenter")
    void errorsAreJsonWithAField() {
        api().body("{\"body\": \"\"}").post("/api/articles/" + article.slug + "/comments").then().statusCode(400)
                .contentType(containsString("json"))
                .body("status", equalTo(400)).body("field", equalTo("body"));
        api().body("{\"body\": \"x\", \"parentId\": 123456789}").post("/api/articles/" + article.slug + "/comments")
                .then().statusCode(409).body("field", equalTo("parentId"));
        api().body("{\"body\": \"x\"}").post("/api/articles/nope/comments").then().statusCode(404)
                .body("status", equalTo(404));
        api().body("{not json").post("/api/articles/" + article.slug + "/comments").then().statusCode(400);
        api().body("{\"body\": 12, \"parentId\": \"abc\"}").post("/api/articles/" + article.slug + "/comments")
                .then().statusCode(400);
        given().contentType(ContentType.JSON).cookie(Csrf.COOKIE, csrf).body("{\"body\": \"no header\"}")
                .post("/api/articles/" + article.slug + "/comments").then().statusCode(403)
                .body("message", containsString("X-CSRF-TOKEN"));
        given().contentType(ContentType.JSON).cookie(Csrf.COOKIE, csrf).header("X-CSRF-TOKEN", "forged")
                .body("{\"body\": \"forged\"}")
                .post("/api/articles/" + article.slug + "/comments").then().statusCode(400);
    }

    @Test
    @TestSecurity(user = "apiuser", roles = "commenter")
    void votesArePutAndDeleted() {
        Comment others = fixtures.comment(article, null, User.findByUsername("apiother").orElseThrow(), "Vote on me");
        api().put("/api/comments/" + others.id + "/vote").then().statusCode(200).body("votes", equalTo(1))
                .body("voted", equalTo(true));
        api().put("/api/comments/" + others.id + "/vote").then().statusCode(200).body("votes", equalTo(1));
        api().delete("/api/comments/" + others.id + "/vote").then().statusCode(200).body("votes", equalTo(0));
        Comment mine = fixtures.comment(article, null, User.findByUsername("apiuser").orElseThrow(), "Mine");
        api().put("/api/comments/" + mine.id + "/vote").then().statusCode(403)
                .body("message", containsString("own comment"));
        api().put("/api/comments/424242424/vote").then().statusCode(404);
    }

    @Test
    void anonymousCallsAreRefused() {
        api().body("{\"body\": \"anon\"}").post("/api/articles/" + article.slug + "/comments").then().statusCode(401);
    }
}
