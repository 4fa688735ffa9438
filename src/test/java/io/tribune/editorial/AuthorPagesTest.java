package io.tribune.editorial;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.tribune.account.User;
import io.tribune.article.Article;
import jakarta.inject.Inject;

@QuarkusTest
class AuthorPagesTest {

    @Inject
    EditorialFixtures fixtures;
    @Inject
    EditorialService editorial;

    @Test
    void anEditorsAuthorPageListsTheirArticles() {
        User u = fixtures.user(io.tribune.testsupport.Fixtures.unique("writer"), "commenter,editor");
        Article a = fixtures.published(u, "ai", "Written by the new editor", "s", "b");
        String slug = fixtures.reload(a.id).author.slug;
        given().get("/authors/" + slug).then().statusCode(200)
                .body(containsString("Display " + u.username))
                .body(containsString("Written by the new editor"));
        given().get("/articles/" + a.slug).then().statusCode(200)
                .body(containsString("href=\"/authors/" + slug + "\""));
        given().get("/authors/no-such-author").then().statusCode(404);
    }
}
