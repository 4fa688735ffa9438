package io.tribune.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.tribune.article.Article;
import io.tribune.testsupport.Fixtures;
import io.tribune.testsupport.Sessions;
import io.tribune.testsupport.Sessions.Session;
import jakarta.inject.Inject;

/**
 * Issue 19: private pages send {@code Cache-Control: no-store} (one rule, {@link PrivatePages}): every kind of
 * private page, whoever asks, and every page made for a logged-in user; public pages for anonymous readers and shared
 * files keep their own caching.
 */
@QuarkusTest
class PrivatePagesCacheTest {

    @Inject
    Fixtures fixtures;

    @Test
    void settingsAndTheDataExportAreNotStored() {
        Session user = Sessions.newUser("cache-user");
        noStore(user.given().get("/settings"), 200);
        noStore(user.given().get("/settings/export"), 200);
        noStore(user.given().get("/settings/moderation"), 200);
        noStore(user.form().formParam("notifyReplies", "on").post("/settings/notifications"), 303);
    }

    @Test
    void theAdminAreaTheDeskAndTheModerationApiAreNotStored() {
        Session moderator = Sessions.newUser("cache-mod", "moderator");
        noStore(moderator.given().get("/admin"), 200);
        noStore(moderator.given().get("/admin/log"), 200);
        noStore(moderator.given().get("/admin/users"), 200);
        noStore(moderator.given().get("/api/admin/queues/reported"), 200);
        Session editor = Sessions.newUser("cache-editor", "editor");
        noStore(editor.given().get("/admin/articles"), 200);
        noStore(editor.given().get("/admin/articles/new"), 200);
        Session admin = Sessions.newUser("cache-admin", "admin");
        noStore(admin.given().get("/admin/sections"), 200);
        // a refusal under a private path is not stored either
        noStore(editor.given().get("/admin/sections"), 403);
    }

    @Test
    void notificationsAreNotStoredWhoeverAsks() {
        Session user = Sessions.newUser("cache-notif");
        assertEquals("no-store", user.given().get("/notifications").header("Cache-Control"));
        assertEquals("no-store", given().redirects().follow(false).get("/notifications").header("Cache-Control"));
    }

    @Test
    void pagesMadeForALoggedInUserAreNotStored() {
        Article article = fixtures.article("Cache rules");
        Session user = Sessions.newUser("cache-reader");
        noStore(user.given().get("/"), 200);
        noStore(user.given().get("/articles/" + article.slug), 200);
        noStore(user.given().get("/users/" + user.username()), 200);
        noStore(user.given().get("/api/articles/" + article.slug + "/comments"), 200);
        // shared files asked for with a session keep their own caching
        notNoStore(user.given().get("/css/tribune.css"), 200);
        notNoStore(user.given().get("/feeds/articles.atom"), 200);
    }

    @Test
    void formPagesForAnonymousVisitorsAreNotStoredButPublicPagesMayBe() {
        noStore(given().redirects().follow(false).get("/login"), 200);
        noStore(given().redirects().follow(false).get("/signup"), 200);
        noStore(given().redirects().follow(false).get("/password/forgot"), 200);
        noStore(given().redirects().follow(false).get("/admin"), 302);
        Article article = fixtures.article("Public cache rules");
        notNoStore(given().get("/"), 200);
        notNoStore(given().get("/articles/" + article.slug), 200);
    }

    private static void noStore(Response response, int status) {
        assertEquals(status, response.statusCode(), response.asString());
        assertEquals("no-store", response.header("Cache-Control"));
    }

    private static void notNoStore(Response response, int status) {
        assertEquals(status, response.statusCode());
        assertNotEquals("no-store", response.header("Cache-Control"));
    }
}
