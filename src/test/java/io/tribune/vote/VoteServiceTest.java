package io.tribune.vote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.tribune.account.User;
import io.tribune.article.Article;
import io.tribune.comment.Comment;
import io.tribune.comment.CommentException;
import io.tribune.comment.CommentStatus;
import io.tribune.testsupport.Fixtures;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

@QuarkusTest
class VoteServiceTest {

    @Inject
    EntityManager em;

    @Inject
    VoteService votes;

    @Inject
    Fixtures fixtures;

    @Test
    void votesToggleAndFollowTheRules() {
        Article article = fixtures.article("Vote rules");
        User author = fixtures.user(Fixtures.unique("author"));
        User voter = fixtures.user(Fixtures.unique("voter"));
        Comment c = fixtures.comment(article, null, author, "Vote for me");

        assertEquals(new VoteService.Tally(c.id, true, 1), votes.toggle(voter.id, c.id));
        assertEquals(new VoteService.Tally(c.id, true, 1), votes.set(voter.id, c.id, true), "voting twice counts once");
        assertEquals(new VoteService.Tally(c.id, false, 0), votes.toggle(voter.id, c.id));
        assertEquals(new VoteService.Tally(c.id, false, 0), votes.set(voter.id, c.id, false));

        assertEquals(403, assertThrows(CommentException.class, () -> votes.toggle(author.id, c.id)).status());
        Comment removed = fixtures.comment(article, null, author, "Gone", CommentStatus.REMOVED);
        assertEquals(409, assertThrows(CommentException.class, () -> votes.toggle(voter.id, removed.id)).status());
        User unverified = fixtures.unverifiedUser(Fixtures.unique("unverified"));
        assertEquals(403, assertThrows(CommentException.class, () -> votes.toggle(unverified.id, c.id)).status());
        assertEquals(404, assertThrows(CommentException.class, () -> votes.toggle(voter.id, 99999999L)).status());
        assertEquals(0, fixtures.votesOn(c));
    }

    @Test
    void countsAreExactUnderConcurrency() throws Exception {
        Article article = fixtures.article("Vote storm");
        User author = fixtures.user(Fixtures.unique("storm"));
        Comment c = fixtures.comment(article, null, author, "Popular comment");
        List<User> voters = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            voters.add(fixtures.user(Fixtures.unique("v" + i)));
        }
        User eager = voters.get(0);
        long threadVersion = fixtures.reload(article).threadVersion;
        long version = voteVersion(article);

        ExecutorService pool = Executors.newFixedThreadPool(32);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> results = new ArrayList<>();
        for (User voter : voters) {
            results.add(pool.submit(() -> {
                start.await();
                return votes.set(voter.id, c.id, true);
            }));
        }
        for (int i = 0; i < 100; i++) { // the same user hammering the button: still one vote
            results.add(pool.submit(() -> {
                start.await();
                return votes.set(eager.id, c.id, true);
            }));
        }
        start.countDown();
        for (Future<?> result : results) {
            result.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertEquals(300, fixtures.reload(c).voteCount);
        assertEquals(300, fixtures.votesOn(c));
        assertEquals(version + 300, voteVersion(article),
                "every vote that counted changed the vote version once, a repeated vote not at all");
        assertEquals(threadVersion, fixtures.reload(article).threadVersion,
                "a vote leaves the thread version alone (kept pages fill their counts in, io.tribune.reading)");

        // half of them take their vote back, each twice, at the same time
        ExecutorService again = Executors.newFixedThreadPool(32);
        List<Future<?>> unvotes = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            User voter = voters.get(i);
            unvotes.add(again.submit(() -> votes.set(voter.id, c.id, false)));
            unvotes.add(again.submit(() -> votes.set(voter.id, c.id, false)));
        }
        for (Future<?> result : unvotes) {
            result.get(60, TimeUnit.SECONDS);
        }
        again.shutdown();
        assertEquals(150, fixtures.reload(c).voteCount);
        assertEquals(150, fixtures.votesOn(c));
        assertEquals(version + 450, voteVersion(article));
        assertFalse(votes.hasVoted(voters.get(0).id, c.id));
        assertTrue(votes.hasVoted(voters.get(299).id, c.id));
    }

    private long voteVersion(Article article) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("select vote_version from article where id = ?1").setParameter(1, article.id)
                .getSingleResult()).longValue());
    }
}
