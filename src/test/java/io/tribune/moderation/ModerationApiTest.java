package io.tribune.moderation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.tribune.account.User;
import io.tribune.account.UserStatus;
import io.tribune.article.Article;
import io.tribune.comment.Comment;
import io.tribune.comment.CommentStatus;
import io.tribune.testsupport.Fixtures;
import jakarta.inject.Inject;

@QuarkusTest
@TestSecurity(user = ModerationApiTest.MOD, roles = { "commenter", "moderator" })
class ModerationApiTest {

    static final String MOD = "api-mod";

    @Inject
    Fixtures fixtures;
    @Inject
    ModerationFixtures mf;
    @Inject
    ReportService reports;

    User author;
    Article article;
    String token;

    @BeforeEach
    void setUp() {
        Csrf.install();
        token = io.tribune.testsupport.Csrf.token();
        mf.account(MOD, "commenter,moderator", UserStatus.ACTIVE);
        author = fixtures.user(Fixtures.unique("api-author"));
        article = fixtures.article("API " + Fixtures.unique("a"));
    }

    @AfterEach
    void tearDown() {
        Csrf.uninstall();
    }

    private RequestSpecification json() {
        return given().cookie("csrf-token", token).header("X-CSRF-TOKEN", token).contentType(ContentType.JSON);
    }

    @Test
    void queuesAsJson() {
        Comment c = fixtures.comment(article, null, author, "Reported via API");
        reports.report(fixtures.user(Fixtures.unique("rep")), c.id, ReportReason.OFF_TOPIC, "not about the story");
        given().get("/api/admin/queues/reported").then().statusCode(200)
                .body("queue", equalTo("reported"))
                .body("total", notNullValue())
                .body("items.id", hasItem(c.id.intValue()))
                .body("items.find { it.id == " + c.id + " }.reports[0].reason", equalTo("off-topic"))
                .body("items.find { it.id == " + c.id + " }.reports[0].note", equalTo("not about the story"))
                .body("items.find { it.id == " + c.id + " }.articleSlug", equalTo(article.slug));
        given().get("/api/admin/queues/nonsense").then().statusCode(404).contentType(ContentType.JSON)
                .body("status", equalTo(404));
        given().get("/api/admin/queues/recent?page=zero").then().statusCode(400).contentType(ContentType.JSON);
    }

    @Test
    void removeApproveRestoreAsJson() {
        Comment c = fixtures.comment(article, null, author, "Spam spam spam");
        json().body("{\"reason\":\"spam\",\"note\":\"link farm\"}").post("/api/admin/comments/" + c.id + "/remove")
                .then().statusCode(200).body("status", equalTo("REMOVED"));
        json().body("{\"reason\":\"spam\"}").post("/api/admin/comments/" + c.id + "/remove")
                .then().statusCode(409).body("message", containsString("already removed"));
        json().body("{\"note\":\"was fine\"}").post("/api/admin/comments/" + c.id + "/approve")
                .then().statusCode(409);
        json().body("{\"note\":\"mistake\"}").post("/api/admin/comments/" + c.id + "/restore")
                .then().statusCode(200).body("status", equalTo("VISIBLE"));
        json().body("{}").post("/api/admin/comments/" + c.id + "/approve").then().statusCode(200)
                .body("status", equalTo("VISIBLE"));
        assertEquals(CommentStatus.VISIBLE, mf.comment(c.id).status);
    }

    @Test
    void badRequestsGetJsonErrors() {
        Comment c = fixtures.comment(article, null, author, "Fine");
        json().body("{\"reason\":\"rude\"}").post("/api/admin/comments/" + c.id + "/remove").then().statusCode(400)
                .body("message", containsString("Choose a removal reason"));
        json().body("{\"reason\":\"spam\"}").post("/api/admin/comments/999999999/remove").then().statusCode(404)
                .body("status", equalTo(404));
        json().body("{\"reason\":\"\"}").post("/api/admin/users/" + author.username + "/suspend").then().statusCode(400)
                .body("message", equalTo("Please give a reason."));
        json().body("{\"reason\":\"x\",\"days\":0}").post("/api/admin/users/" + author.username + "/suspend")
                .then().statusCode(400);
        assertEquals(CommentStatus.VISIBLE, mf.comment(c.id).status);
    }

    @Test
    void stateChangesNeedJsonAndTheCsrfHeader() {
        Comment c = fixtures.comment(article, null, author, "Protected");
        // a cross-site form could only send form or text bodies, and cannot set the header
        given().cookie("csrf-token", token).header("X-CSRF-TOKEN", token).contentType(ContentType.URLENC)
                .formParam("reason", "spam").post("/api/admin/comments/" + c.id + "/remove").then().statusCode(415);
        given().cookie("csrf-token", token).contentType(ContentType.JSON).body("{\"reason\":\"spam\"}")
                .post("/api/admin/comments/" + c.id + "/remove").then().statusCode(403);
        given().cookie("csrf-token", token).header("X-CSRF-TOKEN", "wrong" + token).contentType(ContentType.JSON)
                .body("{\"reason\":\"spam\"}").post("/api/admin/comments/" + c.id + "/remove").then().statusCode(400);
        assertEquals(CommentStatus.VISIBLE, mf.comment(c.id).status);
    }

    @Test
    void suspendAndDeregisterAsJson() {
        User target = fixtures.user(Fixtures.unique("api-target"));
        json().body("{\"reason\":\"Cool off\",\"days\":2}").post("/api/admin/users/" + target.username + "/suspend")
                .then().statusCode(200).body("status", equalTo("SUSPENDED")).body("suspendedUntil", notNullValue());
        json().body("{\"reason\":\"Serious abuse\"}").post("/api/admin/users/" + target.username + "/deregister")
                .then().statusCode(200).body("status", equalTo("DEREGISTERED"));
        json().body("{\"reason\":\"appeal\"}").post("/api/admin/users/" + target.username + "/reinstate")
                .then().statusCode(403).contentType(ContentType.JSON);
        json().body("{\"reason\":\"x\"}").post("/api/admin/users/" + MOD + "/suspend").then().statusCode(403)
                .body("message", containsString("yourself"));
    }

    @Test
    void theApiIsDocumentedInOpenApi() {
        given().accept(ContentType.JSON).get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/admin/queues/{name}'.get.tags", hasItem("Moderation"))
                .body("paths.'/api/admin/comments/{id}/remove'.post.summary", containsString("Remove a comment"))
                .body("paths.'/api/admin/users/{username}/reinstate'.post.summary", containsString("admin only"));
    }
}
