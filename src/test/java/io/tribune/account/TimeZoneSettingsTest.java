package io.tribune.account;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.tribune.article.Article;
import io.tribune.comment.Comment;
import io.tribune.testsupport.Fixtures;
import io.tribune.testsupport.HtmlValidator;
import io.tribune.testsupport.Sessions;
import io.tribune.testsupport.Sessions.Session;
import jakarta.inject.Inject;

/**
 * A logged-in reader may choose their own time zone on /settings: every time shown to them is in it (with its
 * abbreviation), while other readers keep the site's (UTC in tests) and {@code <time datetime>} stays UTC.
 */
@QuarkusTest
class TimeZoneSettingsTest {

    /** 02:04 UTC on 4 December 2026 is 15:04 NZDT. */
    static final Instant PUBLISHED = Instant.parse("2026-12-04T02:04:00Z");

    @Inject
    Fixtures fixtures;

    @Test
    void aReadersOwnZoneIsUsedForTheirPagesOnly() {
        Session kiwi = Sessions.newUser("kiwi");
        Session other = Sessions.newUser("utcreader");
        Article article = fixtures.article("Zones " + System.nanoTime());
        User author = User.findByUsername(other.username()).orElseThrow();
        Comment comment = fixtures.comment(article, null, author, "A comment at a known time");
        QuarkusTransaction.requiringNew().run(() -> {
            Article a = Article.findById(article.id);
            a.publishedAt = PUBLISHED;
            a.updatedAt = PUBLISHED;
            Comment c = Comment.findById(comment.id);
            c.createdAt = PUBLISHED;
            Article.threadsChanged(a.id);
        });

        kiwi.form().formParam("timeZone", "Pacific/Auckland").post("/settings/time-zone").then().statusCode(303);
        assertEquals("Pacific/Auckland", zoneOf(kiwi));
        String settings = kiwi.given().get("/settings").asString();
        assertTrue(settings.contains("value=\"Pacific/Auckland\""), "the form shows the choice");
        HtmlValidator.assertValid("/settings", settings);

        String kiwis = kiwi.given().get("/articles/" + article.slug).asString();
        assertTrue(kiwis.contains("4 Dec 2026, 15:04 NZDT"), "the article and comment times in their zone");
        assertFalse(kiwis.contains("02:04 UTC"));
        assertTrue(kiwis.contains("datetime=\"2026-12-04T02:04:00Z\""), "machines still read UTC");

        String others = other.given().get("/articles/" + article.slug).asString();
        assertTrue(others.contains("4 Dec 2026, 02:04 UTC"), "another reader keeps the site's zone");
        assertFalse(others.contains("NZDT"), "the shared page of one zone is never served to another");
        assertTrue(given().get("/articles/" + article.slug).asString().contains("4 Dec 2026, 02:04 UTC"),
                "anonymous readers get the site's zone");
        assertTrue(kiwi.given().get("/articles/" + article.slug).asString().contains("15:04 NZDT"),
                "and the reader's own still theirs after the others' renders");

        // pages kept for everyone (search results here) show the site's zone: this reader gets one of their own
        String search = "/search?q=" + article.headline.split(" ")[1];
        assertTrue(given().get(search).asString().contains("02:04 UTC"), "the kept search page, in the site's zone");
        assertTrue(other.given().get(search).asString().contains("02:04 UTC"));
        String kiwiSearch = kiwi.given().get(search).asString();
        assertTrue(kiwiSearch.contains("15:04 NZDT") && !kiwiSearch.contains("02:04 UTC"), "search results in their zone");

        kiwi.form().formParam("timeZone", "").post("/settings/time-zone").then().statusCode(303);
        assertNull(zoneOf(kiwi), "blank: back to the site's zone");
        assertTrue(kiwi.given().get("/articles/" + article.slug).asString().contains("02:04 UTC"));
    }

    @Test
    void anUnknownZoneIsRefusedOnTheFormWithWhatWasTyped() {
        Session reader = Sessions.newUser("badzone");
        for (String zone : new String[] { "Mars/Olympus_Mons", "<script>", "Etc/GMT+5", "x".repeat(200) }) {
            Response r = reader.form().formParam("timeZone", zone).post("/settings/time-zone");
            assertEquals(422, r.statusCode(), zone);
            assertTrue(r.asString().contains("Choose a time zone from the list"), zone);
            assertFalse(r.asString().contains("<script>\""), "escaped");
            assertNull(zoneOf(reader), "nothing written");
        }
        Response kept = reader.form().formParam("timeZone", "Mars/Olympus_Mons").post("/settings/time-zone");
        assertTrue(kept.asString().contains("value=\"Mars/Olympus_Mons\""), "what was typed is kept");
        HtmlValidator.assertValid("/settings (invalid zone)", kept.asString());
        int anonymous = given().redirects().follow(false).formParam("timeZone", "Europe/London")
                .post("/settings/time-zone").statusCode();
        assertTrue(java.util.Set.of(302, 303, 400, 401, 403).contains(anonymous), "no session, no change: " + anonymous);
    }

    /** Read afresh: the test's request context keeps one persistence context for the whole method. */
    private static String zoneOf(Session session) {
        return QuarkusTransaction.requiringNew().call(() -> User.findByUsername(session.username()).orElseThrow().timeZone);
    }
}
