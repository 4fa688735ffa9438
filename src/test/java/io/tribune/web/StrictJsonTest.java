package io.tribune.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.tribune.account.User;
import io.tribune.account.UserStatus;
import io.tribune.article.Article;
import io.tribune.comment.Comment;
import io.tribune.testsupport.Fixtures;
import io.tribune.testsupport.Sessions;
import jakarta.inject.Inject;

/**
 * JSON bodies are read strictly: a value of the wrong type is never coerced ({@code {"body": 123}} is not the comment
 * "123"), an unknown or repeated field is refused, and the answer is a 400 {@code {status, message, field}} that names
 * the field, with nothing written.
 */
@QuarkusTest
class StrictJsonTest {

    @Inject
    Fixtures fixtures;

    static RequestSpecification json(Sessions.Session s) {
        return s.given().header("X-CSRF-TOKEN", s.csrfToken()).contentType(ContentType.JSON);
    }

    @Test
    void commentBodiesOfTheWrongShapeAreRefusedNamingTheField() {
        Article article = fixtures.article("Strict JSON " + System.nanoTime());
        Sessions.Session me = Sessions.newUser("strict");
        User myself = User.findByUsername(me.username()).orElseThrow();
        Comment parent = fixtures.comment(article, null, fixtures.user(Fixtures.unique("strictparent")), "A parent");
        String post = "/api/articles/" + article.slug + "/comments";
        Map<String, String> refusals = new java.util.LinkedHashMap<>();
        refusals.put("{\"body\": 123}", "body");
        refusals.put("{\"body\": true}", "body");
        refusals.put("{\"body\": 1.5}", "body");
        refusals.put("{\"body\": [\"a\"]}", "body");
        refusals.put("{\"body\": {\"text\": \"a\"}}", "body");
        refusals.put("{\"body\": \"x\", \"parentId\": \"" + parent.id + "\"}", "parentId");
        refusals.put("{\"body\": \"x\", \"parentId\": " + parent.id + ".5}", "parentId");
        refusals.put("{\"body\": \"x\", \"parentId\": true}", "parentId");
        refusals.put("{\"body\": \"x\", \"parentId\": 99999999999999999999}", "parentId");
        refusals.put("{\"body\": \"x\", \"parent\": " + parent.id + "}", "parent");
        refusals.put("{\"body\": \"a\", \"body\": \"b\"}", "body");
        for (var refusal : refusals.entrySet()) {
            json(me).body(refusal.getKey()).post(post).then().statusCode(400).contentType(containsString("json"))
                    .body("status", equalTo(400))
                    .body("field", equalTo(refusal.getValue()))
                    .body("message", containsString("\"" + refusal.getValue() + "\""));
        }
        json(me).body("{\"body\": 123}").post(post).then()
                .body("message", equalTo("The field \"body\" must be text (a JSON string)."));
        json(me).body("{\"body\": \"x\", \"parent\": 1}").post(post).then()
                .body("message", equalTo("Unknown field \"parent\". This endpoint accepts: body, parentId."));
        assertEquals(0, Comment.count("author.id", myself.id), "nothing was posted");

        json(me).body("{\"body\": \"A proper reply\", \"parentId\": " + parent.id + "}").post(post).then().statusCode(201)
                .body("parentId", equalTo(parent.id.intValue()));

        Comment mine = fixtures.comment(article, null, myself, "My words");
        json(me).body("{\"body\": 42}").patch("/api/comments/" + mine.id).then().statusCode(400)
                .body("field", equalTo("body"));
        json(me).body("{\"body\": \"x\", \"status\": \"visible\"}").patch("/api/comments/" + mine.id).then()
                .statusCode(400).body("field", equalTo("status"));
        assertEquals("My words", fixtures.reload(mine).body);
    }

    @Test
    void moderationBodiesAreReadStrictlyToo() {
        Sessions.Session moderator = Sessions.login("moddy", "demo-password-for-tests");
        User target = fixtures.user(Fixtures.unique("strictly"));
        String suspend = "/api/admin/users/" + target.username + "/suspend";
        json(moderator).body("{\"reason\": \"Cool off\", \"days\": \"7\"}").post(suspend).then().statusCode(400)
                .body("field", equalTo("days")).body("message", equalTo("The field \"days\" must be a whole number."));
        json(moderator).body("{\"reason\": \"Cool off\", \"days\": 7.5}").post(suspend).then().statusCode(400)
                .body("field", equalTo("days"));
        json(moderator).body("{\"reason\": 5}").post(suspend).then().statusCode(400).body("field", equalTo("reason"));
        json(moderator).body("{\"reason\": \"Cool off\", \"weeks\": 1}").post(suspend).then().statusCode(400)
                .body("field", equalTo("weeks"));
        assertEquals(UserStatus.ACTIVE, User.<User>findById(target.id).status, "not suspended by a refused request");
    }
}
