package io.tribune.reading;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.zip.GZIPInputStream;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;

import javax.sql.DataSource;

import org.hamcrest.Matcher;

import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.RestAssured;
import io.restassured.config.DecoderConfig;
import io.quarkus.test.junit.QuarkusTest;
import io.tribune.account.User;
import io.tribune.article.Section;
import io.tribune.article.Article;
import io.tribune.comment.Comment;
import io.tribune.comment.CommentModeration;
import io.tribune.comment.CommentService;
import io.tribune.comment.CommentSort;
import io.tribune.comment.CommentStatus;
import io.tribune.editorial.EditorialService;
import io.tribune.editorial.SectionService;
import io.tribune.testsupport.Fixtures;
import io.tribune.testsupport.Sessions;
import io.tribune.testsupport.StatementCounter;
import io.tribune.web.DatabaseChanges;
import io.tribune.vote.VoteService;
import jakarta.inject.Inject;

/**
 * Anonymous readers get cached pages, answered from memory, and every change to the thread or the article shows as
 * soon as PostgreSQL announces it.
 */
@QuarkusTest
class AnonymousArticlePagesTest {

    @Inject
    Fixtures fixtures;

    @Inject
    CommentService comments;

    @Inject
    VoteService votes;

    @Inject
    CommentModeration moderation;

    @Inject
    SessionFactory sessionFactory;

    @Inject
    EditorialService editorial;

    @Inject
    SectionService sections;

    @Inject
    AnonymousArticlePages pages;

    @Inject
    DatabaseChanges changes;

    @Inject
    DataSource dataSource;

    @Test
    void everyChangeReachesTheCachedThread() {
        Article article = fixtures.article("Cached thread");
        User alice = fixtures.user(Fixtures.unique("alice"));
        User bob = fixtures.user(Fixtures.unique("bob"));
        Comment first = comments.post(alice.id, article.id, null, "The first word").comment();
        String path = "/articles/" + article.slug;
        given().get(path).then().statusCode(200).body(containsString("The first word"));

        StatementCounter.Counted cached = StatementCounter.count(given(), path);
        assertTrue(cached.body().contains("The first word"));
        assertTrue(cached.statements().stream().allMatch(sql -> sql.contains("a.thread_version")),
                "a cached page costs at most its stamp (when a notice came after it was kept): " + cached.statements());

        comments.post(bob.id, article.id, first.id, "A reply that must show");
        eventually(path, containsString("A reply that must show"));

        votes.set(bob.id, first.id, true);
        eventually(path, containsString("Up 1"));

        comments.edit(alice.id, first.id, "The first word, edited");
        eventually(path, allOf(containsString("The first word, edited"), containsString("edited</span>")));

        QuarkusTransaction.requiringNew().run(() -> moderation.setStatus(Comment.findById(first.id), CommentStatus.REMOVED));
        eventually(path, allOf(containsString("Comment removed by a moderator"),
                not(containsString("The first word, edited"))));
    }

    @Test
    void editorialChangesSectionNamesAndClosingReachTheCachedPage() {
        Article article = fixtures.article("Cached page");
        String path = "/articles/" + article.slug;
        given().get(path).then().statusCode(200).body(containsString("Cached page"))
                .body(not(containsString("Comments are closed")));
        given().get(path).then().statusCode(200);

        editorial.addUpdate(article.id, "A correction that must show at once");
        eventually(path, containsString("A correction that must show at once"));

        long newsId = QuarkusTransaction.requiringNew().call(() -> Section.findBySlug("news").orElseThrow().id);
        String renamed = Fixtures.unique("Renamed news");
        QuarkusTransaction.requiringNew().run(() -> sections.rename(newsId, renamed));
        try {
            eventually(path, containsString(renamed));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> sections.rename(newsId, "News"));
        }
        eventually(path, not(containsString(renamed)));

        fixtures.publishedDaysAgo(article, 400); // past tribune.comments.close-after-days
        eventually(path, containsString("Comments are closed"));
    }

    @Test
    void aCachedPageIsAnsweredFromMemoryUntilTheDatabaseAnnouncesAChange() throws Exception {
        Article article = fixtures.article("From memory");
        String path = "/articles/" + article.slug;
        assertTrue(changes.isLive(), "this instance listens to the database's change notices");
        given().get(path).then().statusCode(200);
        String first = given().get(path).then().statusCode(200).extract().asString();
        AnonymousArticlePages.Page cached = pages.current(article.slug, stamp -> true, CommentSort.OLDEST, 1).orElseThrow();
        assertEquals(first, cached.html().toString(StandardCharsets.UTF_8), "the fast path sends the bytes the page rendered");

        // as another instance (or an operator's script) would: straight in the database, no service of this one
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(
                        "update article set standfirst = 'Changed by someone else', updated_at = now() where id = ?")) {
            update.setLong(1, article.id);
            assertEquals(1, update.executeUpdate());
        }
        await().atMost(Duration.ofSeconds(5))
                .until(() -> pages.current(article.slug, stamp -> true, CommentSort.OLDEST, 1).isEmpty());
        given().get(path).then().statusCode(200).body(containsString("Changed by someone else"));
    }

    @Test
    void aSessionCookieOrAnUnusualQueryTakesTheRenderedPath() {
        Article article = fixtures.article("Fast path rules");
        String path = "/articles/" + article.slug;
        given().get(path).then().statusCode(200);
        given().get(path).then().statusCode(200).header("Set-Cookie", nullValue());
        given().queryParam("page", "2").get(path).then().statusCode(404);
        given().queryParam("page", "0").get(path).then().statusCode(400);
        given().queryParam("page", "999999999").get(path).then().statusCode(400);
        given().queryParam("sort", "NEWEST").get(path).then().statusCode(200);
        given().queryParam("utm_source", "x").get(path).then().statusCode(200).body(containsString("Fast path rules"));
        Sessions.Session reader = Sessions.newUser("fastpath");
        reader.given().get(path).then().statusCode(200).body(containsString("Log out"));
    }

    @Test
    void browsersGetTheCachedPageGzippedOnceAndOthersPlain() throws Exception {
        Article article = fixtures.article("Gzipped once");
        String path = "/articles/" + article.slug;
        given().get(path).then().statusCode(200);
        String plain = raw().get(path).then().statusCode(200).header("Content-Encoding", nullValue())
                .extract().asString();
        byte[] gzipped = raw().header("Accept-Encoding", "gzip, deflate, br").get(path).then().statusCode(200)
                .header("Content-Encoding", "gzip").header("Vary", containsString("Accept-Encoding"))
                .extract().asByteArray();
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            assertEquals(plain, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertTrue(plain.contains("Gzipped once"));
        raw().header("Accept-Encoding", "gzip;q=0, identity").get(path).then().header("Content-Encoding", nullValue());

        assertTrue(CachedArticleRoute.acceptsGzip("gzip"));
        assertTrue(CachedArticleRoute.acceptsGzip("br;q=1.0, GZIP;q=0.5"));
        assertTrue(CachedArticleRoute.acceptsGzip("*"));
        assertFalse(CachedArticleRoute.acceptsGzip(null));
        assertFalse(CachedArticleRoute.acceptsGzip("identity"));
        assertFalse(CachedArticleRoute.acceptsGzip("gzip;q=0"));
        assertFalse(CachedArticleRoute.acceptsGzip("*;q=0.000"));
    }

    /** Requests without REST Assured's own Accept-Encoding and body decoding. */
    private static io.restassured.specification.RequestSpecification raw() {
        return given().config(RestAssured.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders()));
    }

    private static void eventually(String path, Matcher<String> expected) {
        // a change reaches the cache by PostgreSQL's notice, a moment after its transaction commits
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                .untilAsserted(() -> given().get(path).then().statusCode(200).body(expected));
    }

    @Test
    void aVoteFillsTheCountsInWithoutRenderingThePageAgain() {
        Article article = fixtures.article("Counted in place");
        User alice = fixtures.user(Fixtures.unique("alice"));
        User bob = fixtures.user(Fixtures.unique("bob"));
        Comment first = comments.post(alice.id, article.id, null, "Vote on me").comment();
        comments.post(bob.id, article.id, null, "Not me");
        String path = "/articles/" + article.slug;
        String before = given().get(path).then().statusCode(200).extract().header("ETag");
        kept(article);

        votes.set(bob.id, first.id, true);
        await().atMost(Duration.ofSeconds(5)).until(() -> pages.current(article.slug, stamp -> true, CommentSort.OLDEST, 1).isEmpty());
        StatementCounter.Counted counted = StatementCounter.count(given(), path);
        assertEquals(2, counted.count(), "the stamp and the page's counts, no render: " + counted.statements());
        assertTrue(counted.statements().get(1).startsWith("select id, vote_count from comment"), counted.statements().toString());
        assertTrue(counted.body().contains("<span class=\"votes\">Up 1</span>"), "the new count is on the page");
        assertTrue(counted.body().contains("<span class=\"votes\">Up 0</span>"), "the other comment keeps its count");
        assertFalse(counted.body().contains("<!--votes:"), "no marker is left on the page");
        String after = given().get(path).then().statusCode(200).body(containsString("Up 1")).extract().header("ETag");
        assertFalse(before.equals(after), "the page's tag changes with its counts");
    }

    @Test
    void topOrderFollowsTheVotes() {
        Article article = fixtures.article("Top follows votes");
        User alice = fixtures.user(Fixtures.unique("alice"));
        User bob = fixtures.user(Fixtures.unique("bob"));
        comments.post(alice.id, article.id, null, "Older and quiet");
        Comment popular = comments.post(fixtures.user(Fixtures.unique("carol")).id, article.id, null, "Newer and liked")
                .comment();
        String path = "/articles/" + article.slug + "?sort=top";
        String page = given().get(path).then().statusCode(200).extract().asString();
        assertTrue(page.indexOf("Older and quiet") < page.indexOf("Newer and liked"));

        votes.set(bob.id, popular.id, true);
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            String now = given().get(path).then().statusCode(200).extract().asString();
            return now.indexOf("Newer and liked") < now.indexOf("Older and quiet");
        });
    }

    @Test
    void whileOneRequestRendersTheNextVersionOthersGetThePreviousForAtMostASecond() throws Exception {
        Article article = fixtures.article("Previous version");
        User alice = fixtures.user(Fixtures.unique("alice"));
        comments.post(alice.id, article.id, null, "Before the change");
        String path = "/articles/" + article.slug;
        given().get(path).then().statusCode(200);
        kept(article);

        comments.post(fixtures.user(Fixtures.unique("bob")).id, article.id, null, "After the change");
        await().atMost(Duration.ofSeconds(5)).until(() -> pages.current(article.slug, stamp -> true, CommentSort.OLDEST, 1).isEmpty());
        // the first request after the change goes to render the page (here: the test, which does not yet) ...
        assertTrue(pages.cached(article.slug, stamp -> true, CommentSort.OLDEST, 1).isEmpty());
        // ... and meanwhile the others get the previous version
        AnonymousArticlePages.Page previous = pages.cached(article.slug, stamp -> true, CommentSort.OLDEST, 1).orElseThrow();
        assertTrue(previous.html().toString(StandardCharsets.UTF_8).contains("Before the change"));
        assertFalse(previous.html().toString(StandardCharsets.UTF_8).contains("After the change"));
        // for at most a second: then the next request renders it (a render that never came is not waited for)
        Thread.sleep(AnonymousArticlePages.STALE_NANOS / 1_000_000 + 100);
        given().get(path).then().statusCode(200).body(containsString("After the change"));
        given().get(path).then().statusCode(200).body(containsString("After the change"));
        assertTrue(pages.cached(article.slug, stamp -> true, CommentSort.OLDEST, 1).orElseThrow().html()
                .toString(StandardCharsets.UTF_8).contains("After the change"));
    }

    @Test
    void anUnpublishedArticleIsNotServedFromItsPreviousVersion() {
        Article article = fixtures.article("Soon gone");
        String path = "/articles/" + article.slug;
        given().get(path).then().statusCode(200);
        QuarkusTransaction.requiringNew().run(() -> Article.update("status = ?1 where id = ?2", io.tribune.article.ArticleStatus.UNPUBLISHED, article.id));
        await().atMost(Duration.ofSeconds(5)).until(() -> pages.current(article.slug, stamp -> true, CommentSort.OLDEST, 1).isEmpty());
        for (int i = 0; i < 5; i++) {
            given().get(path).then().statusCode(404);
        }
    }

    /** Until the page is kept for its current stamp (a change notice of the fixture's own writes may come late). */
    private void kept(Article article) {
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            given().get("/articles/" + article.slug).then().statusCode(200);
            return pages.current(article.slug, stamp -> true, CommentSort.OLDEST, 1).isPresent();
        });
    }
}
