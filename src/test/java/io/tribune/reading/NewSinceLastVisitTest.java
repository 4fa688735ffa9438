package io.tribune.reading;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.tribune.account.User;
import io.tribune.article.Article;
import io.tribune.comment.Comment;
import io.tribune.testsupport.Fixtures;
import io.tribune.testsupport.Sessions;
import io.tribune.testsupport.Sessions.Session;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Logged-in readers see the comments posted since their previous visit marked "new", with an "N new" link to the
 * first; each reader by their own visits (the marks are spliced into the shared page per reader). Readers without
 * an account get no marks, no cookie and nothing stored. Visits are kept 90 days.
 */
@QuarkusTest
class NewSinceLastVisitTest {

    private static final Pattern NEW_LINK = Pattern.compile("<a href=\"#c(\\d+)\">(\\d+) new</a> since your last visit");

    @Inject
    Fixtures fixtures;
    @Inject
    ArticleVisits visits;
    @Inject
    EntityManager em;

    @Test
    void aSecondVisitMarksOnlyTheCommentsPostedSinceTheFirst() {
        Article article = fixtures.article("New since last visit");
        User author = fixtures.user(Fixtures.unique("new-author"));
        Comment old = fixtures.comment(article, null, author, "Before the first visit");
        Session reader = Sessions.newUser("new-reader");

        String first = page(reader, article);
        assertFalse(first.contains("class=\"new-mark\""), "a first visit marks nothing");
        assertFalse(NEW_LINK.matcher(first).find());

        Comment newer = fixtures.comment(article, old, author, "A reply after the first visit");
        Comment newest = fixtures.comment(article, null, author, "A thread after the first visit");
        String second = page(reader, article);
        assertMarkedNew(second, newer.id, true);
        assertMarkedNew(second, newest.id, true);
        assertMarkedNew(second, old.id, false);
        Matcher link = NEW_LINK.matcher(second);
        assertTrue(link.find(), "an \"N new\" link");
        assertEquals("2", link.group(2));
        assertEquals(String.valueOf(newer.id), link.group(1), "to the first new comment in the page's order");

        // stored (written in one statement with every other visit): a third visit counts from the second
        visits.flush();
        assertTrue(storedVisit(reader.username(), article) != null, "the visit is stored");
        String third = page(reader, article);
        assertFalse(third.contains("class=\"new-mark\""), "nothing new since the second visit");
        assertFalse(NEW_LINK.matcher(third).find());
    }

    @Test
    void twoReadersSideBySideEachSeeTheirOwnMarks() {
        Article article = fixtures.article("Two readers");
        User author = fixtures.user(Fixtures.unique("new-two"));
        fixtures.comment(article, null, author, "Opening remark");
        Session early = Sessions.newUser("new-early");
        Session late = Sessions.newUser("new-late");
        page(early, article);
        Comment between = fixtures.comment(article, null, author, "Between the two first visits");
        page(late, article);
        Comment after = fixtures.comment(article, null, author, "After both first visits");

        String earlyPage = page(early, article);
        String latePage = page(late, article);
        assertMarkedNew(earlyPage, between.id, true);
        assertMarkedNew(earlyPage, after.id, true);
        assertMarkedNew(latePage, between.id, false);
        assertMarkedNew(latePage, after.id, true);
        assertTrue(earlyPage.contains(">2 new</a>") && latePage.contains(">1 new</a>"));
    }

    @Test
    void ownCommentsAreNotNewToTheirAuthor() {
        Article article = fixtures.article("Own comments");
        Session reader = Sessions.newUser("new-own");
        page(reader, article);
        reader.form().formParam("article", article.slug).formParam("body", "My own remark").formParam("action", "post")
                .post("/comments").then().statusCode(303);
        String again = page(reader, article);
        assertTrue(again.contains("My own remark"));
        assertFalse(again.contains("class=\"new-mark\""));
    }

    @Test
    void anonymousReadersGetNoMarksNoCookieAndNothingStored() {
        Article article = fixtures.article("Anonymous visits");
        User author = fixtures.user(Fixtures.unique("new-anon"));
        fixtures.comment(article, null, author, "Read anonymously");
        for (int i = 0; i < 2; i++) {
            Response r = given().get("/articles/" + article.slug);
            assertEquals(200, r.statusCode());
            assertTrue(r.getCookies().isEmpty(), "no cookie: " + r.getCookies());
            assertFalse(r.asString().contains("new-mark") || r.asString().contains("since your last visit"));
            fixtures.comment(article, null, author, "Another one " + i);
        }
        visits.flush();
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from article_visit where article_id = ?1").setParameter(1, article.id).getSingleResult()).longValue()));
    }

    @Test
    void visitsOlderThanNinetyDaysArePruned() {
        Article article = fixtures.article("Pruned visits");
        Session reader = Sessions.newUser("new-prune");
        page(reader, article);
        visits.flush();
        assertTrue(storedVisit(reader.username(), article) != null);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update article_visit set visited_at = ?1"
                + " where article_id = ?2").setParameter(1, Instant.now().minus(Duration.ofDays(91)))
                .setParameter(2, article.id).executeUpdate());
        assertTrue(visits.prune() >= 1);
        assertNull(storedVisit(reader.username(), article));
    }

    private static String page(Session session, Article article) {
        return session.given().get("/articles/" + article.slug).then().statusCode(200).extract().asString();
    }

    private static void assertMarkedNew(String html, long id, boolean expected) {
        int at = html.indexOf("id=\"c" + id + "\"");
        assertTrue(at >= 0, "comment " + id + " on the page");
        int li = html.lastIndexOf("<li class=\"", at);
        String item = html.substring(li, html.indexOf("</header>", at));
        assertEquals(expected, item.startsWith("<li class=\"comment new\""), "class of " + id + ": " + item);
        assertEquals(expected, item.contains("<strong class=\"new-mark\">new</strong>"), "label of " + id);
    }

    private Instant storedVisit(String username, Article article) {
        return QuarkusTransaction.requiringNew().call(() -> {
            java.util.List<?> rows = em.createNativeQuery("select v.visited_at from article_visit v"
                    + " join app_user u on u.id = v.user_id where u.username = ?1 and v.article_id = ?2")
                    .setParameter(1, username).setParameter(2, article.id).getResultList();
            return rows.isEmpty() ? null : io.tribune.web.SqlValues.instant(rows.get(0));
        });
    }
}
