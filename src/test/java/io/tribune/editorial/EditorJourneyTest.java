package io.tribune.editorial;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import io.tribune.article.Article;
import io.tribune.article.ArticleStatus;
import jakarta.inject.Inject;

@QuarkusTest
@TestSecurity(user = EditorJourneyTest.EDITOR, roles = { "editor" })
class EditorJourneyTest {

    static final String EDITOR = "journey-editor";

    @Inject
    EditorialFixtures fixtures;
    @Inject
    EditorialService editorial;

    @BeforeEach
    void editorExists() {
        fixtures.user(EDITOR, "commenter,editor");
    }

    @Test
    void createPreviewSchedulePublishUpdateUnpublishRestore() {
        long section = fixtures.sectionId("security");
        DeskForms desk = DeskForms.open("/admin/articles/new");

        // preview renders the Markdown (sanitized) and saves nothing
        desk.form().formParam("headline", "Quantum routers reach the lab").formParam("sectionId", section)
                .formParam("standfirst", "A first look.").formParam("body", "Hello **bold** <script>alert(1)</script>")
                .formParam("action", "preview").post("/admin/articles/new").then().statusCode(200)
                .body(containsString("Preview (not saved)"))
                .body(containsString("<strong>bold</strong>"))
                .body(not(containsString("<script>alert(1)")))
                .body(containsString("value=\"Quantum routers reach the lab\""));

        Response saved = desk.form().formParam("headline", "Quantum routers reach the lab")
                .formParam("sectionId", section).formParam("standfirst", "A first look.")
                .formParam("body", "The **first** version.").formParam("commentsOpen", "on")
                .formParam("action", "save").post("/admin/articles/new");
        assertEquals(303, saved.statusCode());
        long id = DeskForms.idFrom(saved);
        Article draft = fixtures.reload(id);
        assertEquals(ArticleStatus.DRAFT, draft.status);
        assertEquals("quantum-routers-reach-the-lab", draft.slug.replaceAll("-\\d+$", ""));
        assertEquals(fixtures.authorOf(EDITOR), draft.author.id,
                "the editor writes as their own author");
        String page = "/articles/" + draft.slug;
        desk.page().get(page).then().statusCode(404);

        // schedule for later: not public yet; the job publishes it once due
        String later = LocalDateTime.ofInstant(Instant.now().plus(1, ChronoUnit.HOURS), ZoneOffset.UTC)
                .truncatedTo(ChronoUnit.MINUTES).toString();
        desk.form().formParam("action", "schedule").formParam("publishAt", later)
                .post("/admin/articles/" + id + "/publish").then().statusCode(303);
        assertEquals(ArticleStatus.SCHEDULED, fixtures.reload(id).status);
        desk.page().get(page).then().statusCode(404);
        fixtures.makeDue(id);
        assertTrue(editorial.publishDue() >= 1);
        assertEquals(0, editorial.publishDue(), "a second run finds nothing to do");
        desk.page().get(page).then().statusCode(200).body(containsString("The <strong>first</strong> version."));
        desk.page().get("/").then().body(containsString("Quantum routers reach the lab"));

        // an update note appears, dated, and moves the updated time
        Instant before = fixtures.reload(id).updatedAt;
        desk.form().formParam("update", "The lab has since confirmed the figures.")
                .post("/admin/articles/" + id + "/updates").then().statusCode(303);
        assertTrue(fixtures.reload(id).updatedAt.isAfter(before));
        desk.page().get(page).then().statusCode(200).body(containsString("<strong>Update</strong>"))
                .body(containsString("The lab has since confirmed the figures."))
                .body(containsString("· Updated"));

        // edit: the previous version is kept
        desk.form().formParam("headline", "Quantum routers reach the lab, reportedly")
                .formParam("sectionId", section).formParam("standfirst", "A second look.")
                .formParam("body", "The **second** version.").formParam("slug", draft.slug)
                .formParam("action", "save").post("/admin/articles/" + id).then().statusCode(303);
        assertEquals(1, fixtures.revisionCount(id));
        desk.page().get(page).then().body(containsString("The <strong>second</strong> version."));
        String edit = desk.page().get("/admin/articles/" + id).then().statusCode(200)
                .body(containsString("History")).extract().asString();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("/revisions/(\\d+)/restore").matcher(edit);
        assertTrue(m.find());
        long revision = Long.parseLong(m.group(1));

        // unpublish: the page is gone, the comments stay
        desk.form().post("/admin/articles/" + id + "/unpublish").then().statusCode(303);
        desk.page().get(page).then().statusCode(404);
        assertEquals(ArticleStatus.UNPUBLISHED, fixtures.reload(id).status);

        // restore the first version, then publish again
        desk.form().post("/admin/articles/" + id + "/revisions/" + revision + "/restore").then().statusCode(303);
        assertEquals("Quantum routers reach the lab", fixtures.reload(id).headline);
        desk.form().formParam("action", "now").post("/admin/articles/" + id + "/publish").then().statusCode(303);
        desk.page().get(page).then().statusCode(200).body(containsString("The <strong>first</strong> version."));
    }

    @Test
    void badFormsAreRefusedWithMessagesAndTypedValuesKept() {
        DeskForms desk = DeskForms.open("/admin/articles/new");
        long before = fixtures.articleCount();
        desk.form().formParam("headline", "x".repeat(201)).formParam("slug", "Not A Slug!")
                .formParam("standfirst", "y".repeat(601)).formParam("body", "kept body text")
                .formParam("action", "save").post("/admin/articles/new").then().statusCode(400)
                .body(containsString("at most 200 characters"))
                .body(containsString("only lower-case letters, digits and hyphens"))
                .body(containsString("at most 600 characters"))
                .body(containsString("Choose a section."))
                .body(containsString("kept body text"));
        assertEquals(before, fixtures.articleCount(), "nothing written");

        Article existing = fixtures.published(fixtures.user(EDITOR, ""), "news", "Slug clash target", "s", "b");
        desk.form().formParam("headline", "Another").formParam("slug", existing.slug)
                .formParam("sectionId", existing.section.id).formParam("standfirst", "s").formParam("body", "b")
                .formParam("action", "save").post("/admin/articles/new").then().statusCode(400)
                .body(containsString("Another article already uses this slug."));

        desk.form().formParam("action", "schedule").formParam("publishAt", "2099-01-01T10:00")
                .post("/admin/articles/" + existing.id + "/publish").then().statusCode(400)
                .body(containsString("already published"));
        desk.form().formParam("update", " ").post("/admin/articles/" + existing.id + "/updates").then()
                .statusCode(400).body(containsString("Write the update note."));
    }

    @Test
    void formsWithoutTheCsrfTokenAreRefused() {
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("headline", "No token").post("/admin/articles/new").then().statusCode(400);
    }

    @Test
    void changingAPublishedSlugRedirectsTheOldOne() {
        DeskForms desk = DeskForms.open("/admin/articles/new");
        Article a = fixtures.published(fixtures.user(EDITOR, ""), "news", "Redirect me please", "s", "body");
        String old = a.slug;
        String renamed = old + "-renamed";
        editorial.update(a.id, new ArticleForm(a.headline, renamed, a.section.id, a.author.id, "s", "body", "", "",
                "", true), fixtures.user(EDITOR, ""));
        desk.page().get("/articles/" + old).then().statusCode(301)
                .header("Location", endsWith("/articles/" + renamed));
        desk.page().get("/articles/" + renamed).then().statusCode(200);

        // a draft's slug may change freely: no redirect is kept
        Article draft = editorial.create(new ArticleForm("Draft slug", "draft-slug-" + a.id, a.section.id, null,
                "s", "b", "", "", "", true), fixtures.user(EDITOR, ""));
        editorial.update(draft.id, new ArticleForm("Draft slug", "draft-slug-moved-" + a.id, a.section.id, null,
                "s", "b", "", "", "", true), fixtures.user(EDITOR, ""));
        desk.page().get("/articles/draft-slug-" + a.id).then().statusCode(404);

        // nobody else may take an old slug that still redirects
        Article other = fixtures.published(fixtures.user(EDITOR, ""), "news", "Wants the old slug", "s", "b");
        desk.form().formParam("headline", "Wants the old slug").formParam("slug", old)
                .formParam("sectionId", a.section.id).formParam("standfirst", "s").formParam("body", "b")
                .formParam("action", "save").post("/admin/articles/" + other.id).then().statusCode(400)
                .body(containsString("already uses this slug"));
    }

    @Test
    void deskListFiltersByStatusSectionAndHeadline() {
        DeskForms desk = DeskForms.open("/admin/articles/new");
        Article a = fixtures.published(fixtures.user(EDITOR, ""), "hardware", "Filterable zebra headline", "s", "b");
        desk.page().get("/admin/articles?q=zebra headline").then().statusCode(200)
                .body(containsString("Filterable zebra headline"))
                .body(containsString("Display " + EDITOR));
        desk.page().get("/admin/articles?q=zebra&status=draft").then().statusCode(200)
                .body(not(containsString("Filterable zebra headline")));
        desk.page().get("/admin/articles?q=zebra&section=privacy").then().statusCode(200)
                .body(not(containsString("Filterable zebra headline")));
        desk.page().get("/admin/articles?q=zebra&section=hardware&status=published").then().statusCode(200)
                .body(containsString("/admin/articles/" + a.id));
        desk.page().queryParam("q", "%_\\'\"<b>").get("/admin/articles").then().statusCode(200);
        desk.page().get("/admin/articles?page=2").then().statusCode(200);
    }
}
