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

    private long statementsFor(String path, String expectedText) {
        Statistics statistics = sessionFactory.getStatistics();
        statistics.clear();
        String html = given().get(path).then().statusCode(200).extract().asString();
        assertTrue(html.contains(expectedText), path + " shows " + expectedText);
        return statistics.getPrepareStatementCount();
    }
}
