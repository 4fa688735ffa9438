package io.tribune.article;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.tribune.account.User;
import io.tribune.comment.Comment;
import io.tribune.comment.CommentStatus;
import io.tribune.testsupport.Fixtures;
import jakarta.inject.Inject;

@QuarkusTest
class ArticleApiTest {

    @Inject
    Fixtures fixtures;

    @Test
    void listsArticlesPageByPage() {
        given().get("/api/articles").then().statusCode(200)
                .contentType(containsString("application/json"))
                .header("Set-Cookie", nullValue())
                .body("page", equalTo(1))
                .body("hasNext", equalTo(true))
                .body("articles", hasSize(10))
                .body("articles[0].slug", notNullValue())
                .body("articles[0].url", containsString("/articles/"));
        given().get("/api/articles?page=2").then().statusCode(200).body("page", equalTo(2));
        given().get("/api/articles?page=abc").then().statusCode(400)
                .contentType(containsString("application/json"))
                .body("status", equalTo(400))
                .body("message", containsString("page number"));
    }

    @Test
    void returnsOneArticleWithUpdates() {
        given().get("/api/articles/linkedin-trains-ai-on-members-data-by-default").then().statusCode(200)
                .body("section", equalTo("privacy"))
                .body("updates", hasSize(greaterThanOrEqualTo(1)))
                .body("updates[0].text", containsString("Information Commissioner"))
                .body("commentCount", greaterThanOrEqualTo(12));
        given().get("/api/articles/nope").then().statusCode(404)
                .contentType(containsString("application/json"))
                .body("status", equalTo(404));
    }

    @Test
    void returnsTheCommentTreeNested() {
        Article article = fixtures.article("API tree");
        User alice = fixtures.user(Fixtures.unique("alice"));
        Comment root = fixtures.comment(article, null, alice, "Root *comment*");
        Comment child = fixtures.comment(article, root, alice, "Child");
        fixtures.comment(article, child, alice, "Grandchild");
        Comment gone = fixtures.comment(article, null, alice, "Removed text", CommentStatus.REMOVED);
        fixtures.comment(article, gone, alice, "Orphan reply");

        given().get("/api/articles/" + article.slug + "/comments").then().statusCode(200)
                .body("threads", hasSize(2))
                .body("threads[0].bodyHtml", containsString("<em>comment</em>"))
                .body("threads[0].author", equalTo(alice.username))
                .body("threads[0].replies[0].bodyHtml", containsString("Child"))
                .body("threads[0].replies[0].replies[0].bodyHtml", containsString("Grandchild"))
                .body("threads[0].replies[0].replies[0].depth", equalTo(2))
                .body("threads[1].status", equalTo("removed"))
                .body("threads[1].bodyHtml", nullValue())
                .body("threads[1].author", nullValue())
                .body("threads[1].placeholder", equalTo("Comment removed by a moderator"))
                .body("threads[1].replies[0].bodyHtml", containsString("Orphan reply"));
        given().get("/api/articles/" + article.slug + "/comments?sort=top&page=1").then().statusCode(200)
                .body("sort", equalTo("top"));
        given().get("/api/articles/" + article.slug + "/comments?page=x").then().statusCode(400);
    }

    @Test
    void openApiDocumentsTheReadApi() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body(containsString("/api/articles/{slug}/comments"));
    }
}
