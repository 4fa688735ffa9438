package io.tribune.web;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.response.Response;
import io.tribune.account.User;
import io.tribune.article.Article;
import io.tribune.comment.Comment;
import io.tribune.comment.CommentService;
import io.tribune.comment.CommentStatus;
import io.tribune.testsupport.Fixtures;
import io.tribune.testsupport.HtmlValidator;
import io.tribune.testsupport.Sessions;
import io.tribune.testsupport.StatementCounter;
import io.tribune.vote.VoteService;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Issue 16.3: feeds, the sitemap, author pages, search results and profiles are kept until their data changes
 * (a kept page costs no SQL statement), forgotten on the right change notice and not on others (an up-vote), carry
 * an entity tag with 304, and nothing rendered for a logged-in reader is ever kept or served to another.
 */
@QuarkusTest
class PublicPagesTest {

    @Inject
    Fixtures fixtures;

    @Inject
    CommentService comments;

    @Inject
    VoteService votes;

    @Inject
    DataSource dataSource;

    @Test
    void feedsAreKeptUntilAnArticleChangesButNotForAVote() {
        Article article = fixtures.article("Feed kept " + UUID.randomUUID());
        User alice = fixtures.user(Fixtures.unique("alice"));
        User bob = fixtures.user(Fixtures.unique("bob"));
        Comment comment = comments.post(alice.id, article.id, null, "A comment for the feed").comment();
        for (String feed : new String[] { "/feeds/articles.atom", "/feeds/sections/news.atom", "/sitemap.xml" }) {
            kept(feed);
        }
        String siteTag = kept("/feeds/articles.atom").then().extract().header("ETag");
        given().header("If-None-Match", siteTag).get("/feeds/articles.atom").then().statusCode(304);

        votes.set(bob.id, comment.id, true); // an up-vote shows in no feed
        sleepPastNotice();
        assertEquals(0, StatementCounter.count(given(), "/feeds/articles.atom").count(), "still kept after a vote");

        // published now, so it is among the newest whatever other tests published
        sql("update article set headline = 'Feed changed', published_at = now(), updated_at = now() where id = ?", article.id);
        awaitBody("/feeds/articles.atom", "Feed changed");
        awaitBody("/feeds/sections/news.atom", "Feed changed");
        assertFalse(siteTag.equals(given().get("/feeds/articles.atom").then().extract().header("ETag")));

        Article fresh = fixtures.article("Sitemap newcomer");
        awaitBody("/sitemap.xml", "/articles/" + fresh.slug);
    }

    @Test
    void anArticlesCommentFeedIsKeptUntilACommentChanges() {
        Article article = fixtures.article("Comment feed kept");
        User alice = fixtures.user(Fixtures.unique("alice"));
        comments.post(alice.id, article.id, null, "First in the feed");
        String path = "/feeds/articles/" + article.slug + "/comments.atom";
        kept(path);
        comments.post(fixtures.user(Fixtures.unique("bob")).id, article.id, null, "Second in the feed");
        awaitBody(path, "Second in the feed");
    }

    @Test
    void authorPagesAndSearchResultsAreKeptUntilAnArticleChanges() {
        String word = "zq" + UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9-]", "x");
        Article article = fixtures.article("Searchable " + word);
        String author = QuarkusTransaction.requiringNew().call(() -> Article.<Article>findById(article.id).author.slug);
        String search = "/search?q=" + word;
        String authorPage = "/authors/" + author;
        assertTrue(kept(search).asString().contains("Searchable " + word));
        assertTrue(kept(authorPage).asString().contains("Searchable " + word));
        String tag = given().get(search).then().extract().header("ETag");
        given().header("If-None-Match", tag).get(search).then().statusCode(304);

        sql("update article set headline = 'Renamed " + word + "', updated_at = now() where id = ?", article.id);
        awaitBody(search, "Renamed " + word);
        awaitBody(authorPage, "Renamed " + word);
    }

    @Test
    void profilesAreKeptForVisitorsUntilTheUserOrTheirCommentsChange() {
        Article article = fixtures.article("Profile kept");
        User alice = fixtures.user(Fixtures.unique("alice"));
        comments.post(alice.id, article.id, null, "Alice speaks");
        String path = "/users/" + alice.username;
        assertTrue(kept(path).asString().contains("Alice speaks"));

        fixtures.comment(article, null, alice, "Alice speaks again");
        awaitBody(path, "Alice speaks again");
        kept(path);
        sql("update app_user set bio = 'A new bio for the profile' where id = ?", alice.id);
        awaitBody(path, "A new bio for the profile");
    }

    @Test
    void nothingRenderedForALoggedInReaderIsKeptOrShared() {
        Sessions.Session owner = Sessions.newUser("owner");
        Long ownerId = QuarkusTransaction.requiringNew().call(() -> User.findByUsername(owner.username()).orElseThrow().id);
        Article article = fixtures.article("Held on a profile");
        fixtures.comment(article, null, QuarkusTransaction.requiringNew().call(() -> User.<User>findById(ownerId)),
                "Only the owner sees this held comment", CommentStatus.PENDING);
        String path = "/users/" + owner.username();

        // the owner's own view lists the held comment, and is never kept: a visitor afterwards does not see it
        Response own = owner.given().get(path);
        assertEquals(200, own.statusCode());
        assertTrue(own.asString().contains("Only the owner sees this held comment"));
        assertEquals("no-store", own.header("Cache-Control"));
        Response visitor = kept(path);
        assertFalse(visitor.asString().contains("Only the owner sees this held comment"));
        assertFalse(visitor.asString().contains("Log out"));

        // another logged-in reader gets the kept page with their own account links, privately
        Sessions.Session reader = Sessions.newUser("reader");
        Response theirs = reader.given().get(path);
        assertEquals(200, theirs.statusCode());
        assertEquals("no-store", theirs.header("Cache-Control"));
        assertTrue(theirs.asString().contains("href=\"/users/" + reader.username() + "\""), "their own links");
        assertFalse(theirs.asString().contains("Only the owner sees this held comment"));
        assertEquals(null, theirs.header("ETag"));
        // and the visitor's page still has no one's links
        Response after = given().get(path);
        assertFalse(after.asString().contains("Log out"));
        assertFalse(after.asString().contains(reader.username()));
        HtmlValidator.assertValid(path, theirs.asString());
    }

    /** Requests the page until it is kept (a notice of the fixtures' own writes may come late), then once more. */
    private Response kept(String path) {
        await().atMost(Duration.ofSeconds(5))
                .until(() -> StatementCounter.count(given(), path).count() == 0);
        Response response = given().get(path);
        assertEquals(200, response.statusCode(), path);
        assertTrue(response.header("ETag") != null, path + " has an entity tag");
        assertTrue(response.header("Cache-Control").startsWith("public"), path + " is public");
        return response;
    }

    private void awaitBody(String path, String text) {
        await().atMost(Duration.ofSeconds(5)).until(() -> given().get(path).asString().contains(text));
    }

    private void sql(String update, long id) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(update)) {
            statement.setLong(1, id);
            assertEquals(1, statement.executeUpdate());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Longer than a change notice takes to arrive on loopback. */
    private static void sleepPastNotice() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
