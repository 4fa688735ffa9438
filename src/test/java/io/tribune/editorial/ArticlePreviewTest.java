package io.tribune.editorial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.tribune.article.Article;
import io.tribune.testsupport.HtmlValidator;
import jakarta.inject.Inject;

/** The desk's preview shows the whole article with the reader's story template, and saves nothing. */
@QuarkusTest
@TestSecurity(user = ArticlePreviewTest.EDITOR, roles = { "editor" })
class ArticlePreviewTest {

    static final String EDITOR = "preview-editor";

    @Inject
    EditorialFixtures fixtures;

    @Test
    void previewOfAPublishedArticleShowsHeadlineStandfirstHeroUpdatesAndBodyInPlace() throws IOException {
        Article article = fixtures.published(fixtures.user(EDITOR, "commenter,editor"), "news", "Saved headline",
                "Saved standfirst", "Saved body");
        DeskForms desk = DeskForms.open("/admin/articles");
        desk.multipart().multiPart("hero", "hero.png", HeroUploadTest.image("png"), "image/png")
                .post("/admin/articles/" + article.id + "/hero").then().statusCode(303);
        desk.form().formParam("update", "Correction: the lab is in Dunedin.")
                .post("/admin/articles/" + article.id + "/updates").then().statusCode(303);
        Article saved = fixtures.reload(article.id);

        String html = desk.form().formParam("headline", "Previewed headline").formParam("slug", saved.slug)
                .formParam("sectionId", fixtures.sectionId("security")).formParam("standfirst", "Previewed standfirst")
                .formParam("body", "| Port | State |\n|---|---|\n| 22 | <script>alert(1)</script>open |\n\nA ~~dead~~ live **link**")
                .formParam("heroAlt", "A router on a bench").formParam("heroCaption", "The prototype")
                .formParam("heroCredit", "Photo: the lab").formParam("commentsOpen", "on").formParam("action", "preview")
                .post("/admin/articles/" + article.id).then().statusCode(200).extract().asString();

        String preview = html.substring(html.indexOf("class=\"desk-preview\""));
        assertTrue(preview.contains("<article class=\"story\">"), "the reader's story template");
        assertTrue(preview.contains("<h1>Previewed headline</h1>"));
        assertTrue(preview.contains("<p class=\"standfirst\">Previewed standfirst</p>"));
        assertTrue(preview.contains(">Security</a>"), "the section chosen on the form, as the kicker");
        assertTrue(preview.contains("<img src=\"" + saved.heroUrl + "\" alt=\"A router on a bench\""), "the hero, with the form's words");
        assertTrue(preview.contains("The prototype") && preview.contains("Photo: the lab"));
        assertTrue(preview.contains("Correction: the lab is in Dunedin."), "the update notes");
        assertTrue(preview.contains("<table>") && preview.contains("<del>dead</del>"), "GFM tables and strikethrough");
        assertFalse(preview.contains("<script>alert(1)"), "sanitized as on the reader's page");
        assertTrue(preview.indexOf("<h1>") < preview.indexOf("class=\"hero\"")
                && preview.indexOf("class=\"hero\"") < preview.indexOf("Correction:")
                && preview.indexOf("Correction:") < preview.indexOf("<table>"), "in the reader's order");
        HtmlValidator.assertValid("/admin/articles/{id} preview", html);

        Article after = fixtures.reload(article.id);
        assertEquals("Saved headline", after.headline, "a preview saves nothing");
        assertEquals("Saved body", after.body);
    }

    @Test
    void previewOfANewArticleUsesTheEditorsBylineAndCreatesNothing() {
        fixtures.user(EDITOR, "commenter,editor");
        long before = fixtures.articleCount();
        DeskForms desk = DeskForms.open("/admin/articles/new");
        String html = desk.form().formParam("headline", "Brand new story").formParam("sectionId", fixtures.sectionId("news"))
                .formParam("standfirst", "Fresh").formParam("body", "Body **text**").formParam("action", "preview")
                .post("/admin/articles/new").then().statusCode(200).extract().asString();
        String preview = html.substring(html.indexOf("class=\"desk-preview\""));
        assertTrue(preview.contains("<h1>Brand new story</h1>") && preview.contains("<strong>text</strong>"));
        assertTrue(preview.contains("class=\"author\""), "a byline");
        assertEquals(before, fixtures.articleCount());
        HtmlValidator.assertValid("/admin/articles/new preview", html);
    }
}
