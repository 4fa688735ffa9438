package io.tribune.article;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.tribune.account.User;
import io.tribune.testsupport.Fixtures;
import io.tribune.testsupport.StatementCounter;
import jakarta.inject.Inject;

/**
 * The article page reads its thread in a constant number of SQL statements, however long the thread. Only the
 * request's own statements are counted ({@link StatementCounter}), so the numbers are exact whatever runs beside.
 */
@QuarkusTest
class ArticleStatementCountTest {

    @Inject
    Fixtures fixtures;

    @Test
    void articlePageStatementCountDoesNotGrowWithComments() {
        User author = fixtures.user(Fixtures.unique("counter"));
        Article small = fixtures.article("Ten comments");
        fixtures.comments(small, author, 10);
        Article large = fixtures.article("Five hundred comments");
        fixtures.comments(large, author, 500);

        StatementCounter.Counted forSmall = statementsFor("/articles/" + small.slug, "Generated comment 9");
        StatementCounter.Counted forLarge = statementsFor("/articles/" + large.slug, "Generated comment 149");

        // the stamp, the article, the thread's top-level ids, its comments, the sections of the header
        assertEquals(5, forSmall.count(), forSmall.statements().toString());
        assertEquals(5, forLarge.count(), forLarge.statements().toString());
    }

    @Test
    @io.quarkus.test.security.TestSecurity(user = "statement-reader", roles = "commenter")
    void aLoggedInReadersPageIsConstantToo() {
        fixtures.namedUser("statement-reader");
        User author = fixtures.user(Fixtures.unique("counter"));
        Article small = fixtures.article("Ten comments, logged in");
        fixtures.comments(small, author, 10);
        Article large = fixtures.article("Five hundred comments, logged in");
        fixtures.comments(large, author, 500);

        StatementCounter.Counted forSmall = statementsFor("/articles/" + small.slug, "Post comment");
        StatementCounter.Counted forLarge = statementsFor("/articles/" + large.slug, "Post comment");
        // the five of the anonymous page, the layout's standing check, the unread-notice count and the reader's state
        assertEquals(8, forSmall.count(), forSmall.statements().toString());
        assertEquals(8, forLarge.count(), forLarge.statements().toString());
    }

    @Test
    void longThreadsArePagedFiftyThreadsAtATime() {
        User author = fixtures.user(Fixtures.unique("pager"));
        Article article = fixtures.article("One hundred and twenty threads");
        fixtures.comments(article, author, 360); // 120 threads of 3 comments
        String first = given().get("/articles/" + article.slug).then().statusCode(200).extract().asString();
        assertEquals(50, first.split("<li class=\"comment\" id=\"c", -1).length - 1 - 100, "50 threads of three");
        assertTrue(first.contains("More comments"));
        String third = given().get("/articles/" + article.slug + "?page=3").then().statusCode(200).extract().asString();
        assertTrue(third.contains("Generated comment 359"));
        assertTrue(!third.contains("More comments"));
        StatementCounter.Counted pageThree = statementsFor("/articles/" + article.slug + "?page=3", "Generated comment 359");
        // a later page, once rendered, is kept like the first; its stamp is read again only when a change notice
        // about the fixture's comments arrived after the first page was rendered
        List<String> statements = pageThree.statements();
        boolean stampReadAgain = !statements.isEmpty() && statements.get(0).contains("a.thread_version");
        assertEquals(stampReadAgain ? 1 : 0, statements.size(), statements.toString());
    }

    private StatementCounter.Counted statementsFor(String path, String expectedText) {
        StatementCounter.Counted counted = StatementCounter.count(given(), path);
        assertTrue(counted.body().contains(expectedText), path + " shows " + expectedText);
        return counted;
    }
}
