package io.tribune.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.tribune.account.User;
import io.tribune.article.Article;
import io.tribune.comment.Comment;
import io.tribune.comment.CommentStatus;
import io.tribune.editorial.EditorialFixtures;
import io.tribune.testsupport.Fixtures;
import io.tribune.testsupport.HtmlValidator;
import io.tribune.testsupport.Sessions;
import jakarta.inject.Inject;

/**
 * Every kind of page the site serves, as each kind of person sees it, passes the Nu HTML Checker with no error:
 * reader pages, the account forms, a logged-in commenter's article page (vote buttons, reply links, the comment
 * box) and comment pages, the moderator's dashboard, queues, users, audit log and words, and the editor's desk.
 * A new page is added by one line in the map of its viewer (see docs/frontend.md).
 */
@QuarkusTest
class HtmlValidityTest {

    @Inject
    Fixtures fixtures;

    @Inject
    EditorialFixtures editorial;

    @Test
    void theCheckerFindsInvalidMarkup() {
        // hx-* attributes, the error this test was written for, and microseconds in a datetime
        String page = "<!DOCTYPE html><html lang=en><head><title>t</title></head><body>"
                + "<form hx-post=\"/x\"><button>Go</button></form><time datetime=\"2026-01-01T10:00:00.123456Z\">x</time>"
                + "</body></html>";
        List<String> errors = HtmlValidator.errors(page);
        assertEquals(2, errors.size(), errors.toString());
        assertTrue(errors.get(0).contains("hx-post"), errors.toString());
        assertTrue(HtmlValidator.errors(page.replace(" hx-post", " data-hx-post").replace(".123456", ".123")).isEmpty());
    }

    @Test
    void readerAndAccountPagesAreValid() {
        Article article = fixtures.article("Valid markup for readers");
        User author = fixtures.user(Fixtures.unique("valid-author"));
        Comment first = fixtures.comment(article, null, author, "A *first* comment with a [link](https://example.org)");
        fixtures.comment(article, first, fixtures.user(Fixtures.unique("valid-replier")), "A reply");
        String section = demoLink("/sections/");

        Map<String, Supplier<Response>> pages = new LinkedHashMap<>();
        pages.put("/", () -> given().get("/"));
        pages.put("/?page=2", () -> given().get("/?page=2"));
        pages.put(section, () -> given().get(section));
        pages.put("article", () -> given().get("/articles/" + article.slug));
        pages.put("demo article", () -> given().get(demoLink("/articles/")));
        pages.put("author", () -> given().get(demoLink("/authors/")));
        pages.put("profile", () -> given().get("/users/" + author.username));
        pages.put("/search", () -> given().get("/search"));
        pages.put("/search?q=cloud", () -> given().get("/search?q=cloud"));
        pages.put("/policy", () -> given().get("/policy"));
        pages.put("/support", () -> given().get("/support"));
        pages.put("/login", () -> given().get("/login"));
        pages.put("/signup", () -> given().get("/signup"));
        pages.put("/password/forgot", () -> given().get("/password/forgot"));
        pages.put("/password/reset", () -> given().get("/password/reset?token=not-a-token"));
        pages.put("404", () -> given().get("/articles/no-such-article"));
        pages.put("unsubscribe, refused link", () -> given().get("/unsubscribe?token=not-a-token"));
        checkAll(pages);
    }

    @Test
    void aCommentersPagesAreValid() {
        Article article = fixtures.article("Valid markup for commenters");
        Sessions.Session reader = Sessions.newUser("valid-reader");
        User someone = fixtures.user(Fixtures.unique("valid-someone"));
        Comment theirs = fixtures.comment(article, null, someone, "Somebody else's **view**");
        fixtures.comment(article, theirs, someone, "Their own follow-up");
        Response posted = reader.form().formParam("article", article.slug).formParam("body", "My own comment")
                .formParam("action", "post").post("/comments");
        assertEquals(303, posted.statusCode(), posted.asString());
        String mine = posted.header("Location").replaceFirst(".*#c", "");
        reader.form().post("/comments/" + theirs.id + "/vote").then().statusCode(303);

        Map<String, Supplier<Response>> pages = new LinkedHashMap<>();
        pages.put("article, logged in", () -> reader.given().get("/articles/" + article.slug));
        pages.put("reply page", () -> reader.given().get("/comments/" + theirs.id + "/reply"));
        pages.put("preview", () -> reader.form().formParam("article", article.slug).formParam("parentId", theirs.id)
                .formParam("body", "A _previewed_ reply").formParam("action", "preview").post("/comments"));
        pages.put("refused comment", () -> reader.form().formParam("article", article.slug).formParam("body", " ")
                .formParam("action", "post").post("/comments"));
        pages.put("edit page", () -> reader.given().get("/comments/" + mine + "/edit"));
        pages.put("delete page", () -> reader.given().get("/comments/" + mine + "/delete"));
        pages.put("report page", () -> reader.given().get("/comments/" + theirs.id + "/report"));
        pages.put("/settings", () -> reader.given().get("/settings"));
        pages.put("/settings/moderation", () -> reader.given().get("/settings/moderation"));
        pages.put("/settings/supporter", () -> reader.given().get("/settings/supporter"));
        pages.put("own profile", () -> reader.given().get("/users/" + reader.username()));
        Sessions.newUser("valid-replier").form().formParam("article", article.slug).formParam("parentId", mine)
                .formParam("body", "A reply that @" + reader.username() + " is told of").formParam("action", "post")
                .post("/comments").then().statusCode(303);
        pages.put("/notifications", () -> reader.given().get("/notifications"));
        checkAll(pages);
    }

    @Test
    void moderationPagesAreValid() {
        Article article = fixtures.article("Valid markup for moderators");
        User writer = fixtures.user(Fixtures.unique("valid-writer"));
        Comment reported = fixtures.comment(article, null, writer, "A comment someone reports");
        fixtures.comment(article, null, writer, "A held comment", CommentStatus.PENDING);
        fixtures.comment(article, null, writer, "A removed comment", CommentStatus.REMOVED);
        Sessions.Session reporter = Sessions.newUser("valid-reporter");
        reporter.form().formParam("reason", "spam").formParam("note", "Looks like an advert")
                .post("/comments/" + reported.id + "/report").then().statusCode(200);
        Sessions.Session moderator = Sessions.newUser("valid-mod", "moderator");

        Map<String, Supplier<Response>> pages = new LinkedHashMap<>();
        for (String path : List.of("/admin", "/admin/queues/reported", "/admin/queues/held", "/admin/queues/recent",
                "/admin/queues/removed", "/admin/users", "/admin/users/" + writer.username, "/admin/log", "/admin/words")) {
            pages.put(path, () -> moderator.given().get(path));
        }
        pages.put("article, as moderator", () -> moderator.given().get("/articles/" + article.slug));
        checkAll(pages);
    }

    @Test
    void deskPagesAreValid() {
        Sessions.Session editor = Sessions.newUser("valid-editor", "editor");
        Sessions.Session admin = Sessions.newUser("valid-admin", "admin");
        Response created = editor.form().formParam("headline", "Valid markup on the desk")
                .formParam("sectionId", editorial.sectionId(demoLink("/sections/").substring("/sections/".length())))
                .formParam("standfirst", "A standfirst").formParam("body", "Some *body* text")
                .post("/admin/articles/new");
        assertEquals(303, created.statusCode(), created.asString());
        String edit = created.header("Location").replaceFirst("^https?://[^/]+", "").replaceFirst("\\?.*", "");

        Article published = fixtures.article("Valid markup with updates");
        for (String note : List.of("A first dated update.", "A second dated update.")) {
            Response update = editor.form().formParam("update", note).post("/admin/articles/" + published.id + "/updates");
            assertEquals(303, update.statusCode(), update.asString());
        }

        Map<String, Supplier<Response>> pages = new LinkedHashMap<>();
        pages.put("article with two updates", () -> given().get("/articles/" + published.slug));
        pages.put("/admin/articles", () -> editor.given().get("/admin/articles"));
        pages.put("/admin/articles?status=draft", () -> editor.given().get("/admin/articles?status=draft"));
        pages.put("/admin/articles/new", () -> editor.given().get("/admin/articles/new"));
        pages.put("edit page", () -> editor.given().get(edit));
        pages.put("/admin/sections", () -> admin.given().get("/admin/sections"));
        pages.put("/admin/mail", () -> admin.given().get("/admin/mail"));
        pages.put("/admin/mail?status=sent", () -> admin.given().get("/admin/mail?status=sent"));
        pages.put("/admin/supporters", () -> admin.given().get("/admin/supporters"));
        pages.put("/admin/import", () -> admin.given().get("/admin/import"));
        pages.put("/admin/import report (dry run)", () -> admin.given().multiPart(Sessions.CSRF, admin.csrfToken())
                .multiPart("kind", "disqus").multiPart("dryRun", "on")
                .multiPart("file", new java.io.File("src/test/resources/import/disqus.xml"), "text/xml").post("/admin/import"));
        pages.put("/admin/import refusal", () -> admin.given().multiPart(Sessions.CSRF, admin.csrfToken())
                .multiPart("kind", "wordpress")
                .multiPart("file", new java.io.File("src/test/resources/import/malformed.xml"), "text/xml").post("/admin/import"));
        checkAll(pages);
    }

    /** Issue 15: featured comments, folded and long threads, new and muted comments, slow mode, their refusals. */
    @Test
    void conversationPagesAreValid() {
        Article article = fixtures.article("Valid markup for conversations");
        User someone = fixtures.user(Fixtures.unique("valid-conv"));
        User tiresome = fixtures.user(Fixtures.unique("valid-tiresome"));
        Comment root = fixtures.comment(article, null, someone, "A long thread begins");
        for (int i = 1; i <= 7; i++) {
            fixtures.comment(article, root, i % 2 == 0 ? tiresome : someone, "Reply " + i);
        }
        Comment noisy = fixtures.comment(article, null, tiresome, "Noise");
        Sessions.Session moderator = Sessions.newUser("valid-conv-mod", "moderator");
        moderator.form().formParam("note", "A fine <summary>").post("/admin/comments/" + root.id + "/feature")
                .then().statusCode(303);
        moderator.form().formParam("note", "").post("/admin/comments/" + noisy.id + "/feature").then().statusCode(303);
        moderator.form().formParam("slowModeSeconds", "120").formParam("back", "article")
                .post("/admin/threads/" + article.slug + "/slow-mode").then().statusCode(303);
        Sessions.Session reader = Sessions.newUser("valid-conv-reader");
        reader.given().get("/articles/" + article.slug).then().statusCode(200); // a first visit
        fixtures.comment(article, noisy, someone, "New since the first visit");
        reader.form().post("/users/" + tiresome.username + "/mute").then().statusCode(303);
        reader.form().formParam("article", article.slug).formParam("body", "Within slow mode").formParam("action", "post")
                .post("/comments").then().statusCode(303);

        Map<String, Supplier<Response>> pages = new LinkedHashMap<>();
        pages.put("article with featured and long threads", () -> given().get("/articles/" + article.slug));
        pages.put("?sort=featured", () -> given().get("/articles/" + article.slug + "?sort=featured"));
        pages.put("whole thread", () -> given().get("/articles/" + article.slug + "?thread=" + root.id));
        pages.put("whole thread, logged in", () -> reader.given().get("/articles/" + article.slug + "?thread=" + root.id));
        pages.put("article with new and muted comments", () -> reader.given().get("/articles/" + article.slug));
        pages.put("article, as moderator", () -> moderator.given().get("/articles/" + article.slug));
        pages.put("slow mode refusal", () -> reader.form().formParam("article", article.slug).formParam("body", "Too soon")
                .formParam("action", "post").post("/comments"));
        pages.put("slow mode out of bounds", () -> moderator.form().formParam("slowModeSeconds", "86401")
                .formParam("back", "article").post("/admin/threads/" + article.slug + "/slow-mode"));
        pages.put("feature refused", () -> moderator.form().post("/admin/comments/" + root.id + "/feature"));
        pages.put("/settings with mutes", () -> reader.given().get("/settings"));
        pages.put("profile, muted", () -> reader.given().get("/users/" + tiresome.username));
        pages.put("profile, not muted", () -> reader.given().get("/users/" + someone.username));
        pages.put("mute refused", () -> reader.form().post("/users/" + tiresome.username + "/mute"));
        pages.put("queue with feature and slow mode forms", () -> moderator.given().get("/admin/queues/recent"));
        checkAll(pages);
    }

    /** Loads every page, then reports every invalid one at once. */
    private static void checkAll(Map<String, Supplier<Response>> pages) {
        List<String> failures = new ArrayList<>();
        pages.forEach((name, request) -> {
            Response r = request.get();
            String type = r.contentType();
            if (type == null || !type.startsWith("text/html")) {
                failures.add(name + ": not an HTML page (" + r.statusCode() + ", " + type + ")");
                return;
            }
            try {
                HtmlValidator.assertValid(name + " (" + r.statusCode() + ")", r.asString());
            } catch (AssertionError e) {
                failures.add(e.getMessage());
            }
        });
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    /** The first link on the home page that starts with this path, e.g. a demo section or article. */
    private static String demoLink(String prefix) {
        String home = given().get(prefix.equals("/authors/") ? demoLink("/articles/") : "/").asString();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("href=\"(" + prefix + "[a-z0-9-]+)\"").matcher(home);
        assertTrue(m.find(), "no link starting with " + prefix);
        return m.group(1);
    }
}
