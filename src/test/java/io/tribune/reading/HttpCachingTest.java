package io.tribune.reading;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.DecoderConfig;
import io.tribune.account.User;
import io.tribune.article.Article;
import io.tribune.testsupport.Fixtures;
import io.tribune.testsupport.Sessions;
import io.tribune.testsupport.Sessions.Session;
import jakarta.inject.Inject;

/** Public pages carry an ETag and a Cache-Control for shared caches; pages with a session are never public. */
@QuarkusTest
class HttpCachingTest {

    private static final String PUBLIC = "public, max-age=0, s-maxage=60, stale-while-revalidate=600";

    @Inject
    Fixtures fixtures;

    @Test
    void anAnonymousArticlePageHasAnETagAnswers304AndAnotherTagOnceItChanges() {
        Article article = fixtures.article("Tagged for caches");
        User author = fixtures.user(Fixtures.unique("tagger"));
        fixtures.comment(article, null, author, "First");
        String path = "/articles/" + article.slug;
        given().get(path).then().statusCode(200); // rendered and kept: the next requests take the event-loop path
        for (int round = 0; round < 2; round++) { // the rendering path, then the kept page's
            String etag = identity().get(path).then().statusCode(200)
                    .header("Cache-Control", PUBLIC).header("Vary", containsString("Cookie"))
                    .header("ETag", notNullValue()).extract().header("ETag");
            identity().header("If-None-Match", etag).get(path).then().statusCode(304)
                    .header("ETag", etag).header("Cache-Control", PUBLIC).body(emptyString());
            identity().header("If-None-Match", "\"something-else\", W/" + etag).get(path).then().statusCode(304);
        }
        String plain = identity().get(path).then().extract().header("ETag");
        String gzipped = RestAssured.given().config(RestAssured.config().decoderConfig(
                DecoderConfig.decoderConfig().contentDecoders(DecoderConfig.ContentDecoder.GZIP)))
                .header("Accept-Encoding", "gzip").get(path).then().statusCode(200)
                .header("Content-Encoding", "gzip").extract().header("ETag");
        assertNotEquals(plain, gzipped, "another representation, another tag");
        RestAssured.given().config(RestAssured.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders()))
                .header("Accept-Encoding", "gzip").header("If-None-Match", gzipped).get(path).then().statusCode(304);
        identity().header("If-None-Match", gzipped).get(path).then().statusCode(200); // not the plain page's tag

        fixtures.comment(article, null, author, "Second, which changes the page");
        // written outside the app: its change notice arrives within moments
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> identity().header("If-None-Match", plain).get(path)
                .then().statusCode(200).body(containsString("Second, which changes the page"))
                .header("ETag", not(equalTo(plain))));
    }

    @Test
    void theCommentsJsonIsWrittenOncePerChangeAndRevalidatedByItsTag() {
        Article article = fixtures.article("Threads as JSON");
        User author = fixtures.user(Fixtures.unique("jsoner"));
        fixtures.comment(article, null, author, "In the JSON");
        String path = "/api/articles/" + article.slug + "/comments";
        String etag = identity().get(path).then().statusCode(200).header("Cache-Control", PUBLIC)
                .body("threads[0].bodyHtml", containsString("In the JSON")).extract().header("ETag");
        identity().header("If-None-Match", etag).get(path).then().statusCode(304).body(emptyString());
        fixtures.comment(article, null, author, "Then another");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> identity().header("If-None-Match", etag).get(path)
                .then().statusCode(200).body("threads[1].bodyHtml", containsString("Then another"))
                .header("ETag", not(equalTo(etag))));
        identity().get("/api/articles/no-such-article/comments").then().statusCode(404);
    }

    @Test
    void theHomeAndSectionPagesHaveETagsToo() {
        for (String path : new String[] { "/", "/sections/news" }) {
            String etag = identity().get(path).then().statusCode(200).header("Cache-Control", PUBLIC)
                    .extract().header("ETag");
            identity().header("If-None-Match", etag).get(path).then().statusCode(304).body(emptyString());
        }
    }

    @Test
    void aPageWithASessionIsNeverMarkedPublic() {
        Session reader = Sessions.newUser("private");
        Article article = fixtures.article("Private copies only");
        for (String path : new String[] { "/articles/" + article.slug, "/", "/api/articles/" + article.slug + "/comments" }) {
            reader.given().get(path).then().statusCode(200)
                    .header("Cache-Control", not(containsString("public")))
                    .header("ETag", nullValue());
        }
    }

    /** A request that does not accept gzip (REST Assured asks for it unless told not to), so the tag is the plain page's. */
    private static io.restassured.specification.RequestSpecification identity() {
        return RestAssured.given().config(RestAssured.config().decoderConfig(
                DecoderConfig.decoderConfig().noContentDecoders())).header("Accept-Encoding", "identity");
    }
}
