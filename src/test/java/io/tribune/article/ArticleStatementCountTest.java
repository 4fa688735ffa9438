package io.tribune.article;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.tribune.account.User;
import io.tribune.testsupport.Fixtures;
import jakarta.inject.Inject;

/** The article page reads its thread in a constant number of SQL statements, however long the thread. */
@QuarkusTest
class ArticleStatementCountTest {

    @Inject
    Fixtures fixtures;

    @Inject
    SessionFactory sessionFactory;

    @Test
    void articlePageStatementCountDoesNotGrowWithComments() {
        User author = fixtures.user(Fixtures.unique("counter"));
        Article small = fixtures.article("Ten comments");
        fixtures.comments(small, author, 10);
        Article large = fixtures.article("Five hundred comments");
        fixtures.comments(large, author, 500);

        long forSmall = statementsFor("/articles/" + small.slug, "Generated comment 9");
        long forLarge = statementsFor("/articles/" + large.slug, "Generated comment 149");

        assertEquals(forSmall, forLarge, "statements for 10 and for 500 comments");
        assertTrue(forSmall <= 5, "at most 5 statements, was " + forSmall);
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

        long forSmall = statementsFor("/articles/" + small.slug, "Post comment");
        long forLarge = statementsFor("/articles/" + large.slug, "Post comment");
        assertEquals(forSmall, forLarge);
        assertTrue(forSmall <= 7, "the viewer and their votes add two statements at most, was " + forSmall);
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
        long pageThree = statementsFor("/articles/" + article.slug + "?page=3", "Generated comment 359");
        assertTrue(pageThree <= 5, "a later page is just as cheap, was " + pageThree);
    }

    private long statementsFor(String path, String expectedText) {
        Statistics statistics = sessionFactory.getStatistics();
        statistics.clear();
        String html = given().get(path).then().statusCode(200).extract().asString();
        assertTrue(html.contains(expectedText), path + " shows " + expectedText);
        return statistics.getPrepareStatementCount();
    }
}
