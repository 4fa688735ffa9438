package io.tribune.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.tribune.article.Article;
import io.tribune.comment.Comment;
import io.tribune.testsupport.Fixtures;
import io.tribune.testsupport.Sessions;
import jakarta.inject.Inject;

/**
 * Times printed for machines ({@code <time datetime>}, OpenGraph meta tags, Atom, the sitemap) are valid: to the
 * second, never with PostgreSQL's microseconds, which rows made at run time carry and HTML does not allow.
 */
@QuarkusTest
class MachineTimesTest {

    static final Pattern TO_THE_SECOND = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");

    @Inject
    Fixtures fixtures;

    @Test
    void aCommentPostedAtRunTimeHasItsTimeToTheSecondOnThePageAndInTheFeed() {
        Article article = fixtures.article("Machine times " + System.nanoTime());
        Sessions.Session me = Sessions.newUser("timely");
        String location = me.form().formParam("article", article.slug).formParam("body", "Posted just now")
                .post("/comments").then().statusCode(303).extract().header("Location");
        long id = Long.parseLong(location.replaceAll(".*#c", ""));
        Comment comment = Comment.findById(id);
        String expected = comment.createdAt.truncatedTo(ChronoUnit.SECONDS).toString();

        String page = me.given().get("/articles/" + article.slug).then().statusCode(200).extract().asString();
        List<String> datetimes = values(page, "datetime=\"([^\"]*)\"");
        datetimes.addAll(values(page, "property=\"article:(?:published|modified)_time\" content=\"([^\"]*)\""));
        assertFalse(datetimes.isEmpty());
        datetimes.forEach(t -> assertTrue(TO_THE_SECOND.matcher(t).matches(), "machine time on the page: " + t));
        assertTrue(page.matches("(?s).*id=\"c" + id + "\".*<time datetime=\"" + Pattern.quote(expected) + "\">.*"),
                "the comment's <time datetime> is its creation time to the second: " + expected);

        String feed = RestAssured.get("/feeds/articles/" + article.slug + "/comments.atom").then().statusCode(200)
                .extract().asString();
        List<String> atomDates = values(feed, "<(?:published|updated)>([^<]*)</");
        assertTrue(atomDates.contains(expected), "the comment's Atom date " + expected + " in " + atomDates);
        atomDates.forEach(t -> assertTrue(TO_THE_SECOND.matcher(t).matches(), "Atom date: " + t));

        String sitemap = RestAssured.get("/sitemap.xml").then().statusCode(200).extract().asString();
        List<String> lastmods = values(sitemap, "<lastmod>([^<]*)</lastmod>");
        assertFalse(lastmods.isEmpty());
        lastmods.forEach(t -> assertTrue(TO_THE_SECOND.matcher(t).matches(), "sitemap lastmod: " + t));
    }

    @Test
    void isoIsToTheSecond() {
        assertEquals("2026-12-05T21:20:38Z", TimeExtensions.iso(java.time.Instant.parse("2026-12-05T21:20:38.123456Z")));
        assertEquals("", TimeExtensions.iso(null));
    }

    private static List<String> values(String text, String regex) {
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile(regex).matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
