package io.tribune.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.tribune.account.User;
import io.tribune.article.Article;
import io.tribune.comment.Comment;
import io.tribune.testsupport.Fixtures;
import io.tribune.testsupport.Sessions;
import jakarta.inject.Inject;

/**
 * What the pages load and promise: scripts only where forms use them, fingerprinted assets cached for a year, the
 * footer's cookie promise kept on every page, unique names for search landmarks, the article kicker and the
 * comment blurbs, and what htmx gets back for focus and announcements.
 */
@QuarkusTest
class FrontendPagesTest {

    private static final Pattern SCRIPT = Pattern.compile("<script\\b[^>]*>");
    private static final Pattern LIVE = Pattern.compile(
            "<script src=\"/static/[0-9a-f]{16}/live\\.js\" data-live=\"/articles/[a-z0-9-]+/live\" defer></script>");
    private static final Pattern HTMX = Pattern.compile("<script src=\"(/static/[0-9a-f]{16}/htmx\\.min\\.js)\" defer>");
    private static final Pattern ACTIONS = Pattern.compile("<script src=\"(/static/[0-9a-f]{16}/actions\\.js)\" defer>");
    private static final Pattern STYLESHEET = Pattern.compile("<link rel=\"stylesheet\" href=\"(/static/([0-9a-f]{16})/tribune\\.css)\">");
    private static final String PROMISE = "Reading sets no cookie; the log-in, sign-up and password forms set one strictly necessary cookie";

    @Inject
    Fixtures fixtures;

    @Test
    void readerPagesLoadNoScriptButTheArticlePagesLiveOneAndHtmxFromAHashedUrlForThoseWhoCanTakePart() throws IOException {
        Article article = fixtures.article("Scripts only where forms use them");
        fixtures.comment(article, null, fixtures.user(Fixtures.unique("scripts")), "A comment to vote on");
        for (String page : List.of("/", "/articles/" + article.slug, "/search?q=cloud", "/policy", "/login", "/signup")) {
            String html = given().get(page).then().statusCode(200).extract().asString();
            if (page.startsWith("/articles/")) { // the live conversation's script, the same for every reader (docs/live.md)
                assertTrue(LIVE.matcher(html).find(), page + " loads the live script");
                html = LIVE.matcher(html).replaceAll("");
            }
            assertFalse(SCRIPT.matcher(html).find(), page + " loads a script");
            assertFalse(html.contains("htmx.min.js") || html.contains("htmx-config"), page + " loads htmx");
        }

        Sessions.Session reader = Sessions.newUser("scripts-reader");
        String html = reader.given().get("/articles/" + article.slug).then().statusCode(200).extract().asString();
        Matcher htmx = HTMX.matcher(html);
        assertTrue(htmx.find(), "the logged-in article page loads htmx from a hashed URL");
        assertTrue(html.contains("<meta name=\"htmx-config\""));
        Response script = given().get(htmx.group(1));
        assertEquals(200, script.statusCode());
        assertTrue(script.contentType().startsWith("text/javascript"), script.contentType());
        assertEquals(StaticAssetRoute.IMMUTABLE, script.header("Cache-Control"));
        assertEquals("public, max-age=31536000, immutable", StaticAssetRoute.IMMUTABLE);
        assertArrayEquals(webjarHtmx(), script.asByteArray(), "the webjar's htmx, byte for byte");
        assertTrue(html.contains("data-hx-post=\"/comments\""), "the comment box uses data-hx-*");
        assertFalse(html.contains("data-hx-post=\"/comments/") || html.contains("data-hx-get=\"/comments/"),
                "a comment's actions carry no htmx attributes: js/actions.js handles them");
        Matcher actions = ACTIONS.matcher(html);
        assertTrue(actions.find(), "the logged-in article page loads its actions script from a hashed URL");
        Response actionsScript = given().get(actions.group(1));
        assertEquals(200, actionsScript.statusCode());
        assertTrue(actionsScript.contentType().startsWith("text/javascript"), actionsScript.contentType());
        assertEquals(StaticAssetRoute.IMMUTABLE, actionsScript.header("Cache-Control"));
        assertFalse(Pattern.compile("\\shx-[a-z]+=").matcher(html).find(), "no bare hx-* attribute");
    }

    @Test
    void theStylesheetIsFingerprintedAndOnlyItsCurrentUrlIsImmutable() {
        String html = given().get("/").then().statusCode(200).extract().asString();
        Matcher css = STYLESHEET.matcher(html);
        assertTrue(css.find(), "the home page links the stylesheet by a hashed URL");
        Response current = given().get(css.group(1));
        assertEquals(200, current.statusCode());
        assertTrue(current.contentType().startsWith("text/css"), current.contentType());
        assertEquals("public, max-age=31536000, immutable", current.header("Cache-Control"));
        String unhashed = given().get("/css/tribune.css").then().statusCode(200).extract().asString();
        assertEquals(unhashed, current.asString(), "the same file");

        String otherHash = css.group(2).equals("0123456789abcdef") ? "fedcba9876543210" : "0123456789abcdef";
        Response old = given().redirects().follow(false).get("/static/" + otherHash + "/tribune.css");
        assertEquals(307, old.statusCode(), "an old hash is sent to the current file");
        assertEquals(css.group(1), old.header("Location").replaceFirst("^https?://[^/]+", ""));
        assertEquals("no-store", old.header("Cache-Control"));
        given().get("/static/" + css.group(2) + "/no-such-file.css").then().statusCode(404);

        for (String plain : List.of("/css/tribune.css", "/webjars/htmx.org/2.0.7/dist/htmx.min.js", "/favicon.svg")) {
            Response r = given().get(plain);
            assertEquals(200, r.statusCode(), plain);
            assertEquals("public, max-age=3600", r.header("Cache-Control"), plain + " is not cached as immutable");
        }
    }

    @Test
    void everyPageWithTheCookiePromiseKeepsIt() {
        Set<String> formPages = Set.of("/login", "/signup", "/password/forgot", "/password/reset");
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> queue = new ArrayDeque<>(List.of("/", "/password/reset?token=any"));
        Set<String> queued = new HashSet<>(queue);
        List<String> broken = new ArrayList<>();
        int promised = 0;
        while (!queue.isEmpty() && seen.size() < 80) {
            String page = queue.poll();
            Response r = given().redirects().follow(false).get(page);
            seen.add(page);
            String type = r.contentType();
            if (type == null || !type.startsWith("text/html")) {
                continue;
            }
            String html = r.asString();
            if (!html.contains(PROMISE)) {
                broken.add(page + ": the footer has no cookie promise");
                continue;
            }
            promised++;
            List<String> cookies = r.headers().getValues("Set-Cookie");
            String path = page.replaceFirst("\\?.*", "");
            if (formPages.contains(path)) {
                if (cookies.size() != 1 || !cookies.get(0).startsWith("csrf-token=")) {
                    broken.add(page + ": a form page should set exactly the CSRF cookie, set " + cookies);
                }
            } else if (!cookies.isEmpty()) {
                broken.add(page + ": a reader page set " + cookies);
            }
            Matcher links = Pattern.compile("href=\"(/[^\"#]*)").matcher(html);
            while (links.find()) {
                String link = links.group(1).replace("&amp;", "&");
                if (!link.startsWith("/static/") && !link.startsWith("/feeds/") && !link.startsWith("/images/")
                        && !link.startsWith("//") && queued.add(link)) {
                    queue.add(link);
                }
            }
        }
        assertTrue(broken.isEmpty(), String.join("\n", broken));
        assertTrue(promised >= 30, "crawled only " + promised + " pages: " + seen);
        assertTrue(seen.containsAll(List.of("/login", "/signup", "/password/forgot", "/policy", "/search")), seen.toString());
    }

    @Test
    void everySearchLandmarkHasItsOwnName() {
        Sessions.Session staff = Sessions.newUser("landmarks", "moderator", "editor");
        List<String> pages = List.of("/search", "/search?q=cloud", "/admin/articles", "/admin/users");
        Set<String> names = new HashSet<>();
        for (String page : pages) {
            String html = staff.given().get(page).then().statusCode(200).extract().asString();
            List<String> onPage = new ArrayList<>();
            Matcher forms = Pattern.compile("<form\\b[^>]*role=\"search\"[^>]*>").matcher(html);
            while (forms.find()) {
                Matcher label = Pattern.compile("aria-label=\"([^\"]+)\"").matcher(forms.group());
                assertTrue(label.find(), page + ": a search landmark without a name: " + forms.group());
                onPage.add(label.group(1));
            }
            assertEquals(2, onPage.size(), page + ": the site search and the page's own: " + onPage);
            assertEquals(onPage.size(), Set.copyOf(onPage).size(), page + ": names repeat: " + onPage);
            names.addAll(onPage);
        }
        assertEquals(Set.of("Site search", "Search articles", "Filter articles", "Find users"), names);
    }

    @Test
    void theKickerShowsTheArticlesSection() {
        Article article = fixtures.article("A kicker with its real section");
        String html = given().get("/articles/" + article.slug).then().statusCode(200).extract().asString();
        Matcher kicker = Pattern.compile("<p class=\"kicker\">(.*?)</p>").matcher(html);
        assertTrue(kicker.find());
        assertEquals("<a href=\"/sections/news\">News</a>", kicker.group(1));
        assertFalse(html.contains("/ news"));
    }

    @Test
    void theWelcomeBlurbShowsOnlyWhileCommentsAreOpen() {
        Article open = fixtures.article("Comments still open");
        Article closed = fixtures.article("Comments now closed");
        fixtures.closeComments(closed);
        Sessions.Session reader = Sessions.newUser("blurb");

        String anonymousOpen = given().get("/articles/" + open.slug).asString();
        assertTrue(anonymousOpen.contains("Comments are welcome."));
        assertFalse(anonymousOpen.contains("Comments are closed."));
        assertTrue(reader.given().get("/articles/" + open.slug).asString().contains("Robust, respectful debate is welcome"));

        String anonymousClosed = given().get("/articles/" + closed.slug).asString();
        String loggedInClosed = reader.given().get("/articles/" + closed.slug).asString();
        for (String html : List.of(anonymousClosed, loggedInClosed)) {
            assertTrue(html.contains("Comments are closed."));
            assertFalse(html.contains("Comments are welcome."));
        }
    }

    @Test
    void htmxAnswersKeepFocusAndAnnounceTheCount() {
        Article article = fixtures.article("Focus and announcements");
        User someone = fixtures.user(Fixtures.unique("focus-author"));
        Comment comment = fixtures.comment(article, null, someone, "Vote on me");
        Sessions.Session reader = Sessions.newUser("focus-reader");

        String page = reader.given().get("/articles/" + article.slug).asString();
        assertTrue(page.contains("<div id=\"live-status\" class=\"visually-hidden\" role=\"status\"></div>"));
        String button = "<button form=\"comment-actions\" name=\"vote\" value=\"" + comment.id + "\"";
        assertTrue(page.contains(button), "the vote button carries its comment's id");

        String voted = reader.form().header("HX-Request", "true").formParam("vote", comment.id).post("/comments/actions")
                .asString();
        assertTrue(voted.contains(button + " aria-pressed=\"true\">Up 1</button>"), "the new button, to swap in: " + voted);
        assertTrue(voted.contains("<p id=\"live-status\" data-hx-swap-oob=\"innerHTML\">You up-voted this comment: 1 up-vote.</p>"), voted);
        String unvoted = reader.form().header("HX-Request", "true").formParam("vote", comment.id).post("/comments/actions")
                .asString();
        assertTrue(unvoted.contains(">You took back your up-vote: 0 up-votes.</p>"), unvoted);

        String reply = reader.given().header("HX-Request", "true").get("/comments/" + comment.id + "/reply").asString();
        assertTrue(Pattern.compile("<textarea id=\"body-" + comment.id + "\"[^>]*\\bautofocus>").matcher(reply).find(),
                "the reply box takes the focus: " + reply);
        assertFalse(Pattern.compile("<textarea id=\"body-new\"[^>]*\\bautofocus").matcher(page).find(),
                "the article's own comment box does not steal the focus on load");
    }

    private static byte[] webjarHtmx() throws IOException {
        try (InputStream in = FrontendPagesTest.class.getClassLoader()
                .getResourceAsStream("META-INF/resources/webjars/htmx.org/2.0.7/dist/htmx.min.js")) {
            return in.readAllBytes();
        }
    }
}
