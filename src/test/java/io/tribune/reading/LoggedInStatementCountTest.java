package io.tribune.reading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.tribune.account.User;
import io.tribune.article.Article;
import io.tribune.testsupport.Fixtures;
import io.tribune.testsupport.StatementCounter;
import io.tribune.testsupport.Sessions;
import io.tribune.testsupport.Sessions.Session;
import jakarta.inject.Inject;

/**
 * A logged-in reader's article page costs the same number of SQL statements for 10 comments as for 500: the first
 * request renders the shared page (a constant number), every further one is answered from memory, and someone
 * else's up-vote costs the next page the stamp, the reader's state and the counts (one statement), not a render. Only the request's own
 * statements are counted ({@link StatementCounter}), so the numbers are exact whatever runs beside.
 */
@QuarkusTest
class LoggedInStatementCountTest {

    @Inject
    Fixtures fixtures;

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

        // the stamp, the article, sections, two for the thread, the layout's account-standing check, the header's
        // unread-notice count and the reader's state
        assertEquals(8, statementsFor(reader, small, "Generated comment 9").count());
        assertEquals(8, statementsFor(reader, large, "Generated comment 49").count());

        // the next pages are answered from memory (LoggedInArticleRoute): no statement at all
        assertEquals(0, kept(reader, small, "Generated comment 9").count());
        assertEquals(0, kept(reader, large, "aria-pressed=\"true\"").count());

        // someone else's up-vote does not render the page again: once its notice is in, the page reads the new
        // stamp and the reader's state again, and the counts once, in one statement (their header stays kept)
        Session other = Sessions.newUser("counted-other");
        other.form().post("/comments/" + voted + "/vote").then().statusCode(303);
        StatementCounter.Counted afterVote = statementsFor(reader, large, "aria-pressed=\"true\"");
        for (long until = System.nanoTime() + 2_000_000_000L; afterVote.count() == 0 && System.nanoTime() < until;) {
            afterVote = statementsFor(reader, large, "aria-pressed=\"true\"");
        }
        assertEquals(3, afterVote.count(), afterVote.statements().toString());
        assertTrue(afterVote.statements().stream().anyMatch(sql -> sql.startsWith("select id, vote_count from comment")),
                afterVote.statements().toString());
        assertTrue(afterVote.body().replaceAll("\\s+", " ").contains("name=\"vote\" value=\"" + voted
                + "\" aria-pressed=\"true\">Up 2</button>"),
                "both up-votes counted on the reader's page");
        assertEquals(0, kept(reader, large, "aria-pressed=\"true\"").count(), "the new counts are kept");
    }

    /** The page once answered from memory: the notices of the test's own writes may still be arriving (≤ 2 s). */
    private StatementCounter.Counted kept(Session session, Article article, String expectedText) {
        StatementCounter.Counted counted = statementsFor(session, article, expectedText);
        for (long until = System.nanoTime() + 2_000_000_000L; counted.count() > 0 && System.nanoTime() < until;) {
            counted = statementsFor(session, article, expectedText);
        }
        return counted;
    }

    private StatementCounter.Counted statementsFor(Session session, Article article, String expectedText) {
        StatementCounter.Counted counted = StatementCounter.count(session.given(), "/articles/" + article.slug);
        assertTrue(counted.body().contains(expectedText), article.slug + " shows " + expectedText);
        return counted;
    }
}
