package io.tribune.article;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import org.hamcrest.Matcher;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.tribune.account.User;
import io.tribune.comment.CommentService;
import io.tribune.editorial.EditorialService;
import io.tribune.testsupport.Fixtures;
import jakarta.inject.Inject;

@QuarkusTest
class HomePagesTest {

    @Inject
    Fixtures fixtures;

    @Inject
    CommentService comments;

    @Inject
    EditorialService editorial;

    @Test
    void homeListsLatestArticlesWithSectionsAndCounts() {
        given().when().get("/")
                .then().statusCode(200)
                .contentType(containsString("text/html"))
                .header("Set-Cookie", nullValue())
                .body(containsString("<h1 class=\"page-title\">Latest</h1>"))
                .body(containsString("href=\"/sections/privacy\""))
                .body(containsString("comments</a>"))
                .body(containsString("rel=\"next\" href=\"/?page=2\""));
    }

    @Test
    void newestArticleComesFirst() {
        String html = given().get("/").then().statusCode(200).extract().asString();
        java.util.List<java.time.Instant> times = java.util.regex.Pattern.compile("<time datetime=\"([^\"]+)\"")
                .matcher(html).results().map(m -> java.time.Instant.parse(m.group(1))).toList();
        org.junit.jupiter.api.Assertions.assertTrue(times.size() >= 10, "a full page of articles");
        for (int i = 1; i < times.size(); i++) {
            org.junit.jupiter.api.Assertions.assertFalse(times.get(i).isAfter(times.get(i - 1)),
                    "article " + i + " is not newer than the one before it");
        }
    }

    @Test
    void secondPageHasOlderArticles() {
        List<String> expected = QuarkusTransaction.requiringNew().call(() -> Article.getEntityManager().createQuery(
                "select a.slug from Article a where a.status = io.tribune.article.ArticleStatus.PUBLISHED"
                        + " and a.publishedAt <= current_timestamp order by a.publishedAt desc, a.id desc", String.class)
                .setFirstResult(0).setMaxResults(20).getResultList());
        assertEquals(20, expected.size(), "the demo alone has 20 published articles");

        String first = given().get("/").then().statusCode(200).extract().asString();
        String second = given().get("/?page=2").then().statusCode(200)
                .body(containsString("rel=\"prev\" href=\"/?page=1\""))
                .extract().asString();
        // articles-per-page is 10 in the test profile
        assertEquals(expected.subList(0, 10), articleSlugs(first), "page 1: the ten newest");
        assertEquals(expected.subList(10, 20), articleSlugs(second), "page 2: the next ten, older than page 1's");
        assertTrue(publishedTimes(second).get(0).compareTo(publishedTimes(first).get(9)) <= 0,
                "page 2 starts no later than page 1 ends");
    }

    private static List<String> articleSlugs(String html) {
        return Pattern.compile("<h2[^>]*>\\s*<a href=\"/articles/([a-z0-9-]+)\"").matcher(html).results()
                .map(m -> m.group(1)).toList();
    }

    private static List<Instant> publishedTimes(String html) {
        return Pattern.compile("<time datetime=\"([^\"]+)\"").matcher(html).results()
                .map(m -> Instant.parse(m.group(1))).toList();
    }

    @Test
    void badPageNumbersAreClientErrors() {
        given().get("/?page=-1").then().statusCode(400).body(containsString("page number"));
        given().get("/?page=abc").then().statusCode(400);
        given().get("/?page=0").then().statusCode(400);
        given().get("/?page=99999999999").then().statusCode(400);
        given().get("/?page=500").then().statusCode(404);
    }

    @Test
    void sectionPageShowsOnlyThatSection() {
        given().get("/sections/privacy").then().statusCode(200)
                .header("Set-Cookie", nullValue())
                .body(containsString("<h1 class=\"page-title\">Privacy</h1>"))
                .body(containsString("linkedin-trains-ai-on-members-data-by-default"))
                .body(not(containsString(">Hardware</a></p>")));
    }

    @Test
    void theCachedFrontPageShowsEveryChangeAsSoonAsItIsAnnounced() {
        Article template = fixtures.article("A template");
        given().get("/").then().statusCode(200);
        given().get("/sections/news").then().statusCode(200);
        await().pollDelay(Duration.ofMillis(300)).until(() -> true); // the template's own notices have arrived
        given().get("/").then().statusCode(200).body(not(containsString("Fresh off the desk"))); // kept from now on

        // as another instance's editor would publish: one INSERT, straight in the database
        String slug = Fixtures.unique("fresh-off-the-desk");
        QuarkusTransaction.requiringNew().run(() -> Article.getEntityManager().createNativeQuery(
                "insert into article (slug, headline, standfirst, body, body_html, section_id, author_id, status,"
                        + " published_at, updated_at) select ?1, 'Fresh off the desk', standfirst, body, body_html,"
                        + " section_id, author_id, 'PUBLISHED', now(), now() from article where id = ?2")
                .setParameter(1, slug).setParameter(2, template.id).executeUpdate());
        eventually("/", containsString("Fresh off the desk"));
        eventually("/sections/news", containsString("Fresh off the desk"));
        Article article = QuarkusTransaction.requiringNew().call(() -> Article.<Article>find("slug", slug).firstResult());

        User reader = fixtures.user(Fixtures.unique("counted"));
        comments.post(reader.id, article.id, null, "Counted on the front page");
        eventually("/", containsString("href=\"/articles/" + article.slug + "#comments\">1 comment</a>"));

        editorial.unpublish(article.id);
        eventually("/", not(containsString("Fresh off the desk")));
    }

    private static void eventually(String path, Matcher<String> expected) {
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                .untilAsserted(() -> given().get(path).then().statusCode(200).body(expected));
    }

    @Test
    void unknownSectionIsNotFoundInTheSiteDesign() {
        given().get("/sections/no-such-section").then().statusCode(404)
                .contentType(containsString("text/html"))
                .body(containsString("Page not found"))
                .body(containsString("class=\"site-header\""));
    }
}
