package io.tribune.search;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.tribune.account.User;
import io.tribune.article.Article;
import io.tribune.editorial.EditorialFixtures;
import io.tribune.editorial.EditorialService;
import jakarta.inject.Inject;

@QuarkusTest
class SearchTest {

    @Inject
    EditorialFixtures fixtures;
    @Inject
    EditorialService editorial;

    static String word() {
        Random r = new Random();
        StringBuilder sb = new StringBuilder("zq");
        for (int i = 0; i < 8; i++) {
            sb.append((char) ('a' + r.nextInt(26)));
        }
        return sb.toString();
    }

    @Test
    void aHeadlineMatchRanksAboveABodyMatch() {
        String w = word();
        User editor = fixtures.user("search-editor", "commenter,editor");
        // the body match is newer, so only the rank can put the headline match first
        Article body = fixtures.published(editor, "news", "Unrelated title about chips", "Nothing here",
                "Deep in the body we mention " + w + " once.");
        Article headline = fixtures.published(editor, "news", "The " + w + " affair", "A standfirst", "Plain body.");
        editorial.update(body.id, new io.tribune.editorial.ArticleForm(body.headline, body.slug, fixtures.sectionId("news"),
                null, body.standfirst, body.body + " ", "", "", "", true), editor);
        String html = given().get("/search?q=" + w).then().statusCode(200).extract().asString();
        int h = html.indexOf("/articles/" + headline.slug + "\"");
        int b = html.indexOf("/articles/" + body.slug + "\"");
        assertTrue(h > 0 && b > 0, "both found");
        assertTrue(h < b, "headline match first");
        assertTrue(html.contains("<mark>" + w + "</mark>"), "highlighted");
    }

    @Test
    void snippetsAreEscapedAndOnlyMarkIsAdded() {
        String w = word();
        fixtures.published(fixtures.user("search-editor", "commenter,editor"), "news", "Escaping test", "Standfirst",
                "Text with <script>alert(1)</script> and " + w + " <b>bold</b> here.");
        given().get("/search?q=" + w).then().statusCode(200)
                .body(containsString("<mark>" + w + "</mark>"))
                .body(not(containsString("<script>alert(1)")))
                .body(not(containsString("<b>bold")));
    }

    @Test
    void unpublishedArticlesAreNotFound() {
        String w = word();
        Article a = fixtures.published(fixtures.user("search-editor", "commenter,editor"), "news", w + " pulled", "s", "b");
        editorial.unpublish(a.id);
        given().get("/search?q=" + w).then().statusCode(200).body(containsString("Nothing found"));
    }

    @Test
    void emptyAndOddQueriesAreHandled() {
        given().get("/search").then().statusCode(200).body(containsString("name=\"q\"")).body(not(containsString("Nothing found")));
        given().queryParam("q", "   ").get("/search").then().statusCode(200).body(not(containsString("Nothing found")));
        for (String q : new String[] { "!!!", "&|!:*", "\"unbalanced", "'); drop table article; --", "a".repeat(1000),
                "<script>alert(1)</script>", "or", "-", "\"\"", "::*", "\u0000null", "日本語", "the and of" }) {
            given().queryParam("q", q).get("/search").then().statusCode(200)
                    .body(not(containsString("<script>alert(1)")));
        }
        given().get("/search?q=linkedin&page=abc").then().statusCode(400);
        given().get("/search?q=linkedin&page=999").then().statusCode(404);
    }

    @Test
    void demoStoryIsFoundAndPaginated() {
        given().get("/search?q=LinkedIn").then().statusCode(200)
                .body(containsString("/articles/linkedin-trains-ai-on-members-data-by-default"));
        given().get("/").then().body(containsString("action=\"/search\"")).body(containsString("href=\"/search\""));
    }
}
