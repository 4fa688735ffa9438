package io.tribune.comment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.tribune.account.User;
import io.tribune.article.Article;
import io.tribune.testsupport.Fixtures;
import jakarta.inject.Inject;

@QuarkusTest
class CommentServiceTest {

    @Inject
    CommentService comments;

    @Inject
    ThreadService threads;

    @Inject
    Fixtures fixtures;

    @Test
    void postsTopLevelAndRepliesAtEveryDepthCappedAtTheMaximum() {
        Article article = fixtures.article("Depth test");
        Comment parent = null;
        for (int level = 0; level <= 8; level++) {
            User author = fixtures.user(Fixtures.unique("depth"));
            Comment c = comments.post(author.id, article.id, parent == null ? null : parent.id, "Level " + level).comment();
            assertEquals(Math.min(level, 6), c.depth, "depth of level " + level);
            assertEquals(parent == null ? c.id : fixtures.reload(parent).rootId, c.rootId);
            parent = c;
        }
        assertEquals(9, fixtures.reload(article).commentCount);
        CommentThread thread = threads.page(fixtures.reload(article), CommentSort.OLDEST, 1);
        CommentNode node = thread.threads().get(0);
        for (int level = 1; level <= 6; level++) {
            node = node.replies().get(0);
        }
        assertEquals(6, node.depth());
        // levels 7 and 8 replied to a comment at the cap: shown beside it, "in reply to" its author
        CommentNode atCap = node;
        CommentNode sixthParent = thread.threads().get(0);
        for (int level = 1; level <= 5; level++) {
            sixthParent = sixthParent.replies().get(0);
        }
        assertEquals(3, sixthParent.replies().size(), "levels 6, 7 and 8 all sit at the cap");
        assertNull(atCap.inReplyTo());
        assertTrue(sixthParent.replies().get(1).inReplyTo().startsWith("Display depth-"));
    }

    @Test
    void refusesEmptyTooLongAndBadParents() {
        Article article = fixtures.article("Validation test");
        Article other = fixtures.article("Other article");
        User author = fixtures.user(Fixtures.unique("val"));
        assertEquals(400, assertThrows(CommentException.class, () -> comments.post(author.id, article.id, null, "   ")).status());
        CommentException tooLong = assertThrows(CommentException.class,
                () -> comments.post(author.id, article.id, null, "x".repeat(5001)));
        assertTrue(tooLong.getMessage().contains("at most 5000"));
        comments.post(author.id, article.id, null, "y".repeat(5000)); // the limit itself is fine

        User other1 = fixtures.user(Fixtures.unique("val"));
        Comment elsewhere = fixtures.comment(other, null, other1, "On another article");
        assertEquals(409, assertThrows(CommentException.class,
                () -> comments.post(other1.id, article.id, elsewhere.id, "Cross-article reply")).status());
        assertEquals(409, assertThrows(CommentException.class,
                () -> comments.post(other1.id, article.id, 987654321L, "Reply to nothing")).status());
        Comment removed = fixtures.comment(article, null, other1, "Removed one", CommentStatus.REMOVED);
        CommentException toRemoved = assertThrows(CommentException.class,
                () -> comments.post(other1.id, article.id, removed.id, "Reply to removed"));
        assertTrue(toRemoved.getMessage().contains("removed"));
        assertEquals(1, fixtures.reload(article).commentCount, "no half-written comment was counted");
    }

    @Test
    void floodControlAndDuplicates() {
        Article article = fixtures.article("Flood test");
        User author = fixtures.user(Fixtures.unique("flood"));
        comments.post(author.id, article.id, null, "First thought");
        CommentException flood = assertThrows(CommentException.class,
                () -> comments.post(author.id, article.id, null, "Second thought"));
        assertEquals(429, flood.status());
        assertTrue(flood.getMessage().contains("wait"));

        fixtures.ageAllBy(author, Duration.ofSeconds(20));
        CommentException duplicate = assertThrows(CommentException.class,
                () -> comments.post(author.id, article.id, null, "First thought"));
        assertTrue(duplicate.getMessage().contains("already posted"));
        comments.post(author.id, article.id, null, "Second thought");

        fixtures.ageAllBy(author, Duration.ofMinutes(61));
        comments.post(author.id, article.id, null, "First thought"); // an hour later the same text is allowed
    }

    @Test
    void closedArticlesRefuseComments() {
        Article closed = fixtures.article("Closed by switch");
        fixtures.closeComments(closed);
        Article old = fixtures.article("Closed by age");
        fixtures.publishedDaysAgo(old, 31);
        User author = fixtures.user(Fixtures.unique("closed"));
        assertTrue(assertThrows(CommentException.class, () -> comments.post(author.id, closed.id, null, "Hello"))
                .getMessage().contains("closed"));
        assertEquals(403, assertThrows(CommentException.class, () -> comments.post(author.id, old.id, null, "Hello")).status());
    }

    @Test
    void unverifiedUsersCannotComment() {
        Article article = fixtures.article("Unverified test");
        User author = fixtures.unverifiedUser(Fixtures.unique("unverified"));
        CommentException e = assertThrows(CommentException.class, () -> comments.post(author.id, article.id, null, "Hi"));
        assertEquals(403, e.status());
        assertTrue(e.getMessage().contains("verify your email"));
    }

    @Test
    void editsWithinTheWindowKeepRevisions() {
        Article article = fixtures.article("Edit test");
        User author = fixtures.user(Fixtures.unique("editor"));
        User stranger = fixtures.user(Fixtures.unique("stranger"));
        Comment c = comments.post(author.id, article.id, null, "Frist!").comment();
        assertEquals(403, assertThrows(CommentException.class, () -> comments.edit(stranger.id, c.id, "Mine now")).status());
        Comment edited = comments.edit(author.id, c.id, "First!");
        assertEquals("First!", edited.body);
        assertTrue(edited.editedAt != null);
        assertEquals(1, comments.revisions(c.id).size());
        assertEquals("Frist!", comments.revisions(c.id).get(0).body);

        fixtures.age(c, Duration.ofMinutes(16));
        CommentException late = assertThrows(CommentException.class, () -> comments.edit(author.id, c.id, "Too late"));
        assertTrue(late.getMessage().contains("15 minutes"));
        assertEquals("First!", fixtures.reload(c).body);
    }

    @Test
    void deletingKeepsThePlaceholderOnlyWhereThereAreReplies() {
        Article article = fixtures.article("Delete test");
        User alice = fixtures.user(Fixtures.unique("alice"));
        User bob = fixtures.user(Fixtures.unique("bob"));
        Comment withReply = comments.post(alice.id, article.id, null, "I will regret this").comment();
        comments.post(bob.id, article.id, withReply.id, "A reply to keep");
        fixtures.ageAllBy(alice, Duration.ofSeconds(20));
        Comment alone = comments.post(alice.id, article.id, null, "Lonely remark").comment();
        assertEquals(3, fixtures.reload(article).commentCount);

        assertEquals(403, assertThrows(CommentException.class, () -> comments.delete(bob.id, alone.id)).status());
        comments.delete(alice.id, withReply.id);
        comments.delete(alice.id, alone.id);
        comments.delete(alice.id, alone.id); // deleting twice changes nothing
        assertEquals(1, fixtures.reload(article).commentCount);

        CommentThread thread = threads.page(fixtures.reload(article), CommentSort.OLDEST, 1);
        assertEquals(1, thread.threads().size(), "the lonely deleted comment disappeared");
        assertEquals("Comment deleted by its author", thread.threads().get(0).placeholder());
        assertNull(thread.threads().get(0).bodyHtml());
        assertEquals(1, thread.threads().get(0).replies().size());
    }
}
