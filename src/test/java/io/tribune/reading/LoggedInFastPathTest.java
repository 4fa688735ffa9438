package io.tribune.reading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.tribune.account.User;
import io.tribune.article.Article;
import io.tribune.comment.Comment;
import io.tribune.testsupport.Fixtures;
import io.tribune.testsupport.Sessions;
import io.tribune.testsupport.Sessions.Session;
import io.tribune.testsupport.StatementCounter;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * A logged-in commenter's article page is answered from memory on the event loop once what it shows is kept
 * ({@link LoggedInArticleRoute}): without a statement, with the same bytes as the page rendered for them, with their
 * own state and no one else's, their own writes on their very next page, other instances' changes (made here
 * straight in the database, as another instance would) within a second, and never for staff or a sanctioned reader.
 */
@QuarkusTest
class LoggedInFastPathTest {

    private static final Duration NOTICE = Duration.ofSeconds(2);
    /** Neither asks for a compressed body nor decodes one. */
    private static final RestAssuredConfig UNDECODED = RestAssuredConfig.config()
            .decoderConfig(DecoderConfig.decoderConfig().noContentDecoders());

    @Inject
    Fixtures fixtures;

    @Inject
    EntityManager em;

    @Test
    void aCommentersRepeatPageIsAnsweredFromMemoryWithTheBytesRenderedForThem() {
        Session reader = Sessions.newUser("fast");
        Article article = fixtures.article("A page kept for a commenter");
        fixtures.comments(article, fixtures.user(Fixtures.unique("fastauthor")), 30);

        StatementCounter.Counted rendered = page(reader, article);
        assertTrue(rendered.count() > 0, "the first page is read and rendered");
        StatementCounter.Counted kept = kept(reader, article);
        assertEquals(0, kept.count(), "answered from memory: " + kept.statements());
        assertEquals(rendered.body(), kept.body());
        assertTrue(kept.body().contains(reader.username()) && kept.body().contains(reader.csrfToken()),
                "their own header and token");
        assertTrue(kept.body().contains("Generated comment 29"));
        io.restassured.response.Response plain = reader.given().config(UNDECODED).get("/articles/" + article.slug);
        assertEquals("no-store", plain.getHeader("Cache-Control"));
        assertEquals(reader.csrfToken(), plain.getCookie("csrf-token"), "its token cookie sent again, with a fresh expiry");
        assertTrue(plain.getDetailedCookie("csrf-token").getMaxAge() > 3600);
        assertEquals("DENY", plain.getHeader("X-Frame-Options"), "the site's headers, as on every page");
        assertTrue(plain.getHeader("Content-Security-Policy").contains("default-src 'self'"));
        assertEquals(null, plain.getHeader("Content-Encoding"));
        assertEquals(kept.body(), plain.asString(), "the same page uncompressed");
    }

    @Test
    void aKeptPageIsGzippedFromItsKeptBlocksIntoOneValidStream() throws java.io.IOException {
        Session reader = Sessions.newUser("gzipfast");
        Article article = fixtures.article("A long page kept compressed in blocks");
        fixtures.comments(article, fixtures.user(Fixtures.unique("gzipauthor")), 150);
        Comment last = QuarkusTransaction.requiringNew().call(() -> Comment.<Comment>find(
                "article.id = ?1 order by id desc", article.id).firstResult());
        reader.form().post("/comments/" + last.id + "/vote").then().statusCode(303); // a part of theirs far down
        page(reader, article);
        String plain = reader.given().config(UNDECODED).get("/articles/" + article.slug).asString();
        assertTrue(plain.length() > 3 * 32 * 1024, "several blocks: " + plain.length());
        assertTrue(voted(plain, last.id));

        io.restassured.response.Response[] answer = new io.restassured.response.Response[1];
        List<String> statements = StatementCounter.count(reader.given().config(UNDECODED).header("Accept-Encoding", "gzip"),
                "/articles/" + article.slug, response -> answer[0] = response);
        assertEquals(List.of(), statements, "from memory");
        io.restassured.response.Response gzipped = answer[0];
        assertEquals("gzip", gzipped.getHeader("Content-Encoding"));
        byte[] compressed = gzipped.asByteArray();
        assertTrue(compressed.length < plain.length() / 4, "compressed: " + compressed.length);
        // GZIPInputStream checks the combined CRC and the length in the trailer
        try (java.util.zip.GZIPInputStream in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(compressed))) {
            assertEquals(plain, new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    @Test
    void twoReadersPagesSideBySideShowEachTheirOwnVotesCommentsAndMutes() {
        Session ann = Sessions.newUser("annfast");
        Session ben = Sessions.newUser("benfast");
        User loud = fixtures.user(Fixtures.unique("loudfast"));
        Article article = fixtures.article("Two readers, one kept page");
        Comment first = fixtures.comment(article, null, loud, "The first comment, by a loud author");
        Comment second = fixtures.comment(article, null, fixtures.user(Fixtures.unique("quietfast")), "The second comment");
        ann.form().post("/comments/" + first.id + "/vote").then().statusCode(303);
        ben.form().post("/comments/" + second.id + "/vote").then().statusCode(303);
        ben.form().post("/comments/" + first.id + "/mute").then().statusCode(303);
        ann.form().formParam("article", article.slug).formParam("body", "Ann's own comment on the kept page").post("/comments")
                .then().statusCode(303);
        long annsComment = QuarkusTransaction.requiringNew().call(() -> Comment.<Comment>find(
                "article.id = ?1 and author.username = ?2", article.id, ann.username()).firstResult().id);

        page(ann, article);
        page(ben, article);
        StatementCounter.Counted annPage = kept(ann, article);
        StatementCounter.Counted benPage = kept(ben, article);
        assertEquals(0, annPage.count(), annPage.statements().toString());
        assertEquals(0, benPage.count(), benPage.statements().toString());

        assertTrue(voted(annPage.body(), first.id) && !voted(annPage.body(), second.id), "Ann's vote only");
        assertTrue(voted(benPage.body(), second.id) && !voted(benPage.body(), first.id), "Ben's vote only");
        assertTrue(annPage.body().contains("/comments/" + annsComment + "/edit"), "Ann may edit her comment");
        assertFalse(benPage.body().contains("/comments/" + annsComment + "/edit"), "Ben may not");
        assertTrue(benPage.body().contains("Comment by a muted user"), "Ben muted the loud author");
        assertFalse(annPage.body().contains("Comment by a muted user"), "Ann did not");
        assertTrue(annPage.body().contains(ann.csrfToken()) && !annPage.body().contains(ben.csrfToken()));
        assertTrue(benPage.body().contains(ben.csrfToken()) && !benPage.body().contains(ann.csrfToken()));
    }

    @Test
    void aReadersOwnVoteAndCommentAreOnTheirVeryNextPage() {
        Session reader = Sessions.newUser("ownfast");
        Article article = fixtures.article("Read your own writes from memory");
        Comment comment = fixtures.comment(article, null, fixtures.user(Fixtures.unique("otherfast")), "Vote for me");
        page(reader, article);
        assertEquals(0, kept(reader, article).count());

        reader.form().post("/comments/" + comment.id + "/vote").then().statusCode(303);
        assertTrue(voted(page(reader, article).body(), comment.id), "their vote, at once");
        reader.form().formParam("article", article.slug).formParam("body", "Posted and seen at once").post("/comments")
                .then().statusCode(303);
        assertTrue(page(reader, article).body().contains("Posted and seen at once"), "their comment, at once");
        assertEquals(0, kept(reader, article).count(), "kept again");
    }

    @Test
    void changesMadeElsewhereReachTheKeptPageWithinASecond() {
        Session reader = Sessions.newUser("elsewhere");
        Article article = fixtures.article("Changed by another instance");
        Comment comment = fixtures.comment(article, null, fixtures.user(Fixtures.unique("elseauthor")), "Voted elsewhere");
        page(reader, article);
        assertEquals(0, kept(reader, article).count());
        long userId = userId(reader);

        sql("insert into comment_vote (comment_id, user_id) values (" + comment.id + ", " + userId + ")");
        assertTrue(eventually(reader, article, body -> voted(body, comment.id)), "a vote cast on another instance");
        sql("insert into notice (user_id, kind, text) values (" + userId + ", 'REPLY', 'A reply elsewhere')");
        assertTrue(eventually(reader, article, body -> Pattern.compile("Notifications <span class=\"count\">1").matcher(body).find()),
                "the header's unread count");
        sql("update app_user set time_zone = 'Pacific/Auckland' where id = " + userId);
        assertTrue(eventually(reader, article, body -> body.contains(" NZDT")), "a time zone chosen on another instance");
        sql("update app_user set status = 'SUSPENDED', suspended_until = now() + interval '1 day' where id = " + userId);
        assertTrue(eventually(reader, article, body -> body.contains("Your account is suspended")), "a suspension");
        assertTrue(page(reader, article).count() > 0, "a suspended reader's page is never answered from memory");
    }

    @Test
    void staffPagesAreNeverAnsweredFromMemory() {
        Session moderator = Sessions.newUser("modfast", "moderator");
        Article article = fixtures.article("Staff get their tools");
        fixtures.comment(article, null, fixtures.user(Fixtures.unique("staffauthor")), "Feature me");
        page(moderator, article);
        StatementCounter.Counted again = page(moderator, article);
        assertTrue(again.count() > 0, "rendered for them");
        assertTrue(again.body().contains("Feature"), "with their tools");
    }

    private static boolean voted(String body, long commentId) {
        return Pattern.compile("<button[^>]*(?:/comments/" + commentId + "/vote\"|name=\"vote\" value=\"" + commentId
                + "\")[^>]*aria-pressed=\"true\"").matcher(body).find();
    }

    private static StatementCounter.Counted page(Session session, Article article) {
        return StatementCounter.count(session.given(), "/articles/" + article.slug);
    }

    /**
     * The page once it is answered from memory: the notices of the test's own setup (its comments, its users) may
     * still be arriving, and each makes the next page read again; within a second or two they are all in.
     */
    private static StatementCounter.Counted kept(Session session, Article article) {
        StatementCounter.Counted counted = page(session, article);
        for (long until = System.nanoTime() + NOTICE.toNanos(); counted.count() > 0 && System.nanoTime() < until;) {
            counted = page(session, article);
        }
        return counted;
    }

    private static boolean eventually(Session session, Article article, Predicate<String> shown) {
        long until = System.nanoTime() + NOTICE.toNanos();
        while (System.nanoTime() < until) {
            if (shown.test(page(session, article).body())) {
                return true;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private long userId(Session session) {
        return QuarkusTransaction.requiringNew().call(() -> User.<User>find("username", session.username()).firstResult().id);
    }

    private void sql(String statement) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(statement).executeUpdate());
    }
}
