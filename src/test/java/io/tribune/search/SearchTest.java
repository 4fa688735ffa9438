package io.tribune.search;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

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
        given().get("/search?q=" + w).then().statusCode(200)
                .body(containsString("href=\"/articles/" + a.slug + "\""))
                .body(not(containsString("Nothing found")));
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
    void demoStoryIsFoundFromTheSearchBoxInTheHeader() {
        given().get("/search?q=LinkedIn").then().statusCode(200)
                .body(containsString("/articles/linkedin-trains-ai-on-members-data-by-default"));
        given().get("/").then().body(containsString("action=\"/search\"")).body(containsString("href=\"/search\""));
    }

    @Test
    void resultsArePaginatedTenAPage() {
        String w = word();
        User editor = fixtures.user("search-editor", "commenter,editor");
        List<String> newestFirst = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            newestFirst.add(0, fixtures.published(editor, "news", "The " + w + " story", "Standfirst", "Body.").slug);
        }
        // equal rank, so the newest comes first; 10 results a page (tribune.editorial.search-results-per-page)
        String first = given().get("/search?q=" + w).then().statusCode(200)
                .body(containsString("rel=\"next\" href=\"/search?q=" + w + "&amp;page=2\""))
                .body(not(containsString("rel=\"prev\"")))
                .extract().asString();
        String second = given().get("/search?q=" + w + "&page=2").then().statusCode(200)
                .body(containsString("rel=\"prev\" href=\"/search?q=" + w + "&amp;page=1\""))
                .body(not(containsString("rel=\"next\"")))
                .extract().asString();
        assertEquals(newestFirst.subList(0, 10), hitSlugs(first));
        assertEquals(newestFirst.subList(10, 12), hitSlugs(second));
        given().get("/search?q=" + w + "&page=3").then().statusCode(404);
    }

    private static List<String> hitSlugs(String html) {
        return Pattern.compile("<h2[^>]*>\\s*<a href=\"/articles/([a-z0-9-]+)\"").matcher(html).results()
                .map(m -> m.group(1)).toList();
    }
}
