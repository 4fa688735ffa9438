package io.tribune.editorial;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import io.tribune.account.UserStatus;
import io.tribune.article.Article;
import io.tribune.article.ArticleStatus;
import io.tribune.moderation.ModerationFixtures;
import io.tribune.testsupport.Sessions;
import io.tribune.testsupport.Sessions.Session;
import jakarta.inject.Inject;

/** The desk is for editors and admins; sections are for admins; nobody else gets in, not even to post. */
@QuarkusTest
class DeskAuthorizationTest {

    static final String[] DESK = { "/admin/articles", "/admin/articles/new", "/admin/articles/1" };

    @Inject
    EditorialFixtures fixtures;
    @Inject
    ModerationFixtures moderation;

    @BeforeEach
    void users() {
        fixtures.user("authz-commenter", "commenter");
        fixtures.user("authz-moderator", "commenter,moderator");
        fixtures.user("authz-editor", "commenter,editor");
        fixtures.user("authz-admin", "commenter,admin");
    }

    @Test
    void anonymousReadersAreSentAway() {
        for (String path : DESK) {
            given().redirects().follow(false).get(path).then().statusCode(anyOf(is(401), is(302), is(303)));
        }
        given().redirects().follow(false).get("/admin/sections").then().statusCode(anyOf(is(401), is(302), is(303)));
    }

    @Test
    @TestSecurity(user = "authz-commenter", roles = { "commenter" })
    void commentersAreForbidden() {
        forbiddenEverywhere();
    }

    @Test
    @TestSecurity(user = "authz-moderator", roles = { "commenter", "moderator" })
    void moderatorsAreForbidden() {
        forbiddenEverywhere();
    }

    @Test
    @TestSecurity(user = "authz-editor", roles = { "commenter", "editor" })
    void editorsUseTheDeskButNotSections() {
        given().get("/admin/articles").then().statusCode(200);
        given().get("/admin/articles/new").then().statusCode(200);
        given().get("/admin/sections").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "authz-admin", roles = { "commenter", "admin" })
    void adminsUseBoth() {
        given().get("/admin/articles").then().statusCode(200);
        given().get("/admin/sections").then().statusCode(200);
    }

    /**
     * Issue 19: a moderator suspends an editor through the admin form; the editor's session (still logged in, to
     * read) can then neither open the desk nor write, publish or add an update, and nothing is written.
     */
    @Test
    void anEditorSuspendedByAModeratorCanNoLongerWriteOrPublish() {
        Session editor = Sessions.newUser("desk-suspended", "editor");
        Session moderator = Sessions.newUser("desk-moderator", "moderator");
        String section = Long.toString(fixtures.sectionId("security"));
        Response saved = editor.form().formParam("headline", "Written before the suspension").formParam("sectionId", section)
                .formParam("standfirst", "A draft.").formParam("body", "Body.").formParam("action", "save")
                .post("/admin/articles/new");
        assertEquals(303, saved.statusCode(), "the active editor writes a draft");
        long draft = DeskForms.idFrom(saved);

        moderator.form().formParam("days", "7").formParam("reason", "Abusive comments")
                .post("/admin/users/" + editor.username() + "/suspend").then().statusCode(303);

        long articles = fixtures.articleCount();
        long revisions = fixtures.revisionCount(draft);
        editor.given().get("/").then().statusCode(200); // still logged in, to read
        editor.given().get("/admin/articles").then().statusCode(403);
        editor.given().get("/admin/articles/" + draft).then().statusCode(403);
        editor.form().formParam("headline", "Written while suspended").formParam("sectionId", section)
                .formParam("standfirst", "A draft.").formParam("body", "Body.").formParam("action", "save")
                .post("/admin/articles/new").then().statusCode(403);
        editor.form().formParam("action", "publish").post("/admin/articles/" + draft + "/publish").then().statusCode(403);
        editor.form().formParam("update", "Added while suspended.").post("/admin/articles/" + draft + "/updates")
                .then().statusCode(403);
        editor.form().formParam("headline", "Renamed while suspended").formParam("sectionId", section)
                .formParam("standfirst", "A draft.").formParam("body", "Body.").formParam("action", "save")
                .post("/admin/articles/" + draft).then().statusCode(403);
        assertEquals(articles, fixtures.articleCount(), "no article was created");
        assertEquals(revisions, fixtures.revisionCount(draft), "the draft was not changed");
        Article after = fixtures.reload(draft);
        assertEquals(ArticleStatus.DRAFT, after.status, "the draft was not published");
        assertEquals("Written before the suspension", after.headline);
    }

    /** A suspended admin's session cannot create sections either. */
    @Test
    void aSuspendedAdminCannotCreateSections() {
        Session admin = Sessions.newUser("sections-suspended", "admin");
        admin.given().get("/admin/sections").then().statusCode(200);
        moderation.account(admin.username(), "commenter,admin", UserStatus.SUSPENDED);
        String slug = SectionAdminTest.Fixtures.uniqueSlug("suspended");
        admin.given().get("/admin/sections").then().statusCode(403);
        admin.form().formParam("name", "Suspended").formParam("slug", slug).post("/admin/sections").then().statusCode(403);
        admin.given().get("/sections/" + slug).then().statusCode(404);
    }

    private static void forbiddenEverywhere() {
        for (String path : DESK) {
            given().redirects().follow(false).get(path).then().statusCode(403);
        }
        given().get("/admin/sections").then().statusCode(403);
        // a forged post with a valid token pair is still refused by role
        given().redirects().follow(false).cookie("csrf-token", "AAAAAAAAAAAAAAAAAAAAAA")
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", "AAAAAAAAAAAAAAAAAAAAAA")
                .post("/admin/articles/1/unpublish").then().statusCode(403);
    }
}
