package io.tribune.reading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.tribune.account.User;
import io.tribune.article.Article;
import io.tribune.testsupport.Fixtures;
import io.tribune.testsupport.Sessions;
import io.tribune.testsupport.Sessions.Session;
import jakarta.inject.Inject;

/**
 * A logged-in reader's article page costs the same number of SQL statements for 10 comments as for 500: the first
 * request renders the shared page (a constant number), every further one reads only the reader's own state, in
 * one statement.
 */
@QuarkusTest
class LoggedInStatementCountTest {

    @Inject
    Fixtures fixtures;

    @Inject
    SessionFactory sessionFactory;

    @Test
    void aLoggedInReadersPageReadsTheirStateInOneStatementWhateverTheCommentCount() {
        Session reader = Sessions.newUser("counted");
        User author = fixtures.user(Fixtures.unique("counter"));
        Article small = fixtures.article("Ten comments for a reader");
        fixtures.comments(small, author, 10);
        Article large = fixtures.article("Five hundred comments for a reader");
        fixtures.comments(large, author, 500);
        // the reader has voted on the large article, so their state there is not empty
        long voted = QuarkusTransaction.requiringNew().call(() -> io.tribune.comment.Comment.<io.tribune.comment.Comment>find(
                "article.id = ?1 order by id", large.id).firstResult().id);
        reader.form().post("/comments/" + voted + "/vote").then().statusCode(303);

        long firstSmall = statementsFor(reader, small, "Generated comment 9");
        long firstLarge = statementsFor(reader, large, "Generated comment 49");
        assertEquals(firstSmall, firstLarge, "first (rendering) request: 10 and 500 comments");
        // the article, sections, two for the thread, the reader's state; since the merges of issues 13 and 14 also the
        // header's unread-notice count and the account-standing check of the layout
        assertTrue(firstLarge <= 7, "rendering the shared page and the reader's state, was " + firstLarge);

        long againSmall = statementsFor(reader, small, "Generated comment 9");
        long againLarge = statementsFor(reader, large, "aria-pressed=\"true\"");
        assertEquals(againSmall, againLarge, "a rendered page costs the same for 10 and 500 comments");
        assertTrue(againLarge <= 2, "a rendered page costs the reader's state (and their unread count), was " + againLarge);
    }

    private long statementsFor(Session session, Article article, String expectedText) {
        Statistics statistics = sessionFactory.getStatistics();
        statistics.clear();
        String html = session.given().get("/articles/" + article.slug).then().statusCode(200).extract().asString();
        assertTrue(html.contains(expectedText), article.slug + " shows " + expectedText);
        return statistics.getPrepareStatementCount();
    }
}
