package io.tribune.moderation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.tribune.account.User;
import io.tribune.article.Article;
import io.tribune.article.Author;
import io.tribune.comment.Comment;
import io.tribune.comment.CommentStatus;
import io.tribune.testsupport.Fixtures;
import io.tribune.testsupport.Sessions;
import jakarta.inject.Inject;

/** A held comment stays in place for its author alone; staff are never held; staff and the article's author carry a badge. */
@QuarkusTest
class HeldAndBadgesTest {

    @Inject
    Fixtures fixtures;
    @Inject
    ModerationFixtures mf;

    @Test
    void theAuthorSeesTheirHeldCommentInPlaceAndOnTheirProfileAndNobodyElseDoes() {
        Sessions.Session author = Sessions.newUser("held");
        alwaysHold(author.username());
        Article article = fixtures.article("Held for review");
        String body = "My first thoughts on this " + Fixtures.unique("t");
        author.form().formParam("article", article.slug).formParam("body", body).post("/comments").then().statusCode(200)
                .body(containsString("will appear once a moderator has reviewed it"));
        Comment held = QuarkusTransaction.requiringNew().call(() -> Comment.<Comment>find("body", body).firstResult());
        assertEquals(CommentStatus.PENDING, held.status);

        author.given().get("/articles/" + article.slug).then().statusCode(200)
                .body(containsString(body))
                .body(containsString("id=\"c" + held.id + "\""))
                .body(containsString("Awaiting review: only you can see this comment until a moderator approves it"));
        author.given().get("/users/" + author.username()).then().statusCode(200)
                .body(containsString(body)).body(containsString("Awaiting review"));

        given().get("/articles/" + article.slug).then().statusCode(200).body(not(containsString(body)));
        Sessions.Session reader = Sessions.newUser("reader");
        reader.given().get("/articles/" + article.slug).then().statusCode(200).body(not(containsString(body)))
                .body(not(containsString("Awaiting review")));
        reader.given().get("/users/" + author.username()).then().statusCode(200).body(not(containsString(body)));
        given().get("/users/" + author.username()).then().statusCode(200).body(not(containsString(body)));
    }

    @Test
    void moderatorsEditorsAndAdminsAreNeverHeld() {
        Article article = fixtures.article("Staff post");
        for (String role : new String[] { "moderator", "editor", "admin" }) {
            Sessions.Session staff = Sessions.newUser(role, role);
            alwaysHold(staff.username());
            String body = "A word from the " + role + " " + Fixtures.unique("b");
            staff.form().formParam("article", article.slug).formParam("body", body).post("/comments").then().statusCode(303);
            assertEquals(CommentStatus.VISIBLE,
                    QuarkusTransaction.requiringNew().call(() -> Comment.<Comment>find("body", body).firstResult().status), role);
        }
    }

    @Test
    void staffCommentsCarryABadgeAndTheArticlesAuthorIsMarked() {
        User writer = Sessions.verifiedUser(Fixtures.unique("writer"), Sessions.PASSWORD, "editor");
        Article article = fixtures.article("Badges");
        QuarkusTransaction.requiringNew().run(() -> {
            Author a = new Author();
            a.slug = Fixtures.unique("author");
            a.name = "The Writer";
            a.userId = writer.id;
            a.persist();
            Article.update("author = ?1 where id = ?2", a, article.id);
        });
        User mod = Sessions.verifiedUser(Fixtures.unique("badgemod"), Sessions.PASSWORD, "moderator");
        User admin = Sessions.verifiedUser(Fixtures.unique("badgeadmin"), Sessions.PASSWORD, "admin");
        User editor = Sessions.verifiedUser(Fixtures.unique("badgeeditor"), Sessions.PASSWORD, "editor");
        User reader = fixtures.user(Fixtures.unique("plain"));
        Comment byWriter = fixtures.comment(article, null, writer, "From the writer");
        Comment byMod = fixtures.comment(article, null, mod, "From a moderator");
        Comment byAdmin = fixtures.comment(article, null, admin, "From an admin");
        Comment byEditor = fixtures.comment(article, null, editor, "From another editor");
        Comment byReader = fixtures.comment(article, null, reader, "From a reader");

        String page = given().get("/articles/" + article.slug).then().statusCode(200).extract().asString();
        assertEquals("Author", badgeOf(page, byWriter));
        assertEquals("Moderator", badgeOf(page, byMod));
        assertEquals("Admin", badgeOf(page, byAdmin));
        assertEquals("Editor", badgeOf(page, byEditor));
        assertEquals(null, badgeOf(page, byReader));
    }

    static String badgeOf(String page, Comment c) {
        int start = page.indexOf("id=\"c" + c.id + "\"");
        String header = page.substring(start, page.indexOf("</header>", start));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<span class=\"badge\">([^<]+)</span>").matcher(header);
        return m.find() ? m.group(1) : null;
    }

    void alwaysHold(String username) {
        QuarkusTransaction.requiringNew().run(() -> User.update("alwaysHold = true where username = ?1", username));
    }
}
