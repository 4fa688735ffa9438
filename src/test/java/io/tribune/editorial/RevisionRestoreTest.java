package io.tribune.editorial;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.tribune.article.Article;
import jakarta.inject.Inject;

/** Restoring a revision brings back everything it holds: text, hero picture with its words, the comment state. */
@QuarkusTest
@TestSecurity(user = RevisionRestoreTest.EDITOR, roles = { "editor" })
class RevisionRestoreTest {

    static final String EDITOR = "restore-editor";

    @Inject
    EditorialFixtures fixtures;

    @Test
    void restoringARevisionRestoresItsHeroPictureAndCommentState() throws IOException {
        Article article = fixtures.published(fixtures.user(EDITOR, "commenter,editor"), "news", "Hero story", "s",
                "First text");
        DeskForms desk = DeskForms.open("/admin/articles");
        desk.multipart().multiPart("hero", "first.png", HeroUploadTest.image("png"), "image/png")
                .post("/admin/articles/" + article.id + "/hero").then().statusCode(303);
        String firstHero = fixtures.reload(article.id).heroUrl;
        assertNotNull(firstHero);

        // the version with the first picture, its caption and comments kept open is saved into the history...
        save(desk, article, "First text", "The first caption", "open");
        save(desk, article, "Second text", "A second caption", "closed");
        desk.multipart().multiPart("hero", "second.jpg", HeroUploadTest.image("jpeg"), "image/jpeg")
                .post("/admin/articles/" + article.id + "/hero").then().statusCode(303);
        assertTrue(!firstHero.equals(fixtures.reload(article.id).heroUrl), "a second picture replaced the first");

        // ...and restoring it brings all of it back
        long revision = QuarkusTransaction.requiringNew().call(() -> {
            List<ArticleRevision> history = ArticleRevision.history(Article.findById(article.id));
            return history.stream().filter(r -> "First text".equals(r.body) && "The first caption".equals(r.heroCaption))
                    .findFirst().orElseThrow().id;
        });
        desk.page().get("/admin/articles/" + article.id).then().statusCode(200)
                .body(containsString("<img src=\"" + firstHero + "\""));
        desk.form().post("/admin/articles/" + article.id + "/revisions/" + revision + "/restore").then()
                .statusCode(303);
        Article restored = fixtures.reload(article.id);
        assertEquals("First text", restored.body);
        assertEquals(firstHero, restored.heroUrl);
        assertEquals("The first caption", restored.heroCaption);
        assertTrue(restored.commentsOpen && restored.commentsKeepOpen, "comments kept open, as in that version");
        desk.page().get(firstHero).then().statusCode(200);
    }

    private static void save(DeskForms desk, Article article, String body, String caption, String comments) {
        desk.form().formParam("headline", article.headline).formParam("slug", article.slug)
                .formParam("sectionId", String.valueOf(QuarkusTransaction.requiringNew()
                        .call(() -> Article.<Article>findById(article.id).section.id)))
                .formParam("standfirst", "s").formParam("body", body).formParam("heroCaption", caption)
                .formParam("commentsOpen", comments).formParam("action", "save")
                .post("/admin/articles/" + article.id).then().statusCode(303);
    }
}
