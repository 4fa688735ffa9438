package io.tribune.moderation;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.tribune.account.User;
import io.tribune.account.UserStatus;
import io.tribune.article.Article;
import io.tribune.comment.Comment;
import io.tribune.comment.CommentStatus;
import io.tribune.moderation.ModerationAction.Type;
import io.tribune.testsupport.Fixtures;
import jakarta.inject.Inject;

/** With tribune.moderation.remove-comments-on-deregistration, de-registering also removes what the account wrote. */
@QuarkusTest
@TestProfile(DeregistrationRemovesCommentsTest.RemoveComments.class)
class DeregistrationRemovesCommentsTest {

    public static class RemoveComments implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tribune.moderation.remove-comments-on-deregistration", "true");
        }
    }

    @Inject
    Fixtures fixtures;

    @Inject
    ModerationFixtures mf;

    @Inject
    UserSanctions sanctions;

    @Test
    void visibleAndHeldCommentsAreRemovedAndLogged() {
        User mod = mf.account(Fixtures.unique("dereg-mod"), "commenter,moderator", UserStatus.ACTIVE);
        User abuser = fixtures.user(Fixtures.unique("abuser"));
        User bystander = fixtures.user(Fixtures.unique("bystander"));
        Article article = fixtures.article("De-registration sweeps");
        Comment abuse = fixtures.comment(article, null, abuser, "Abusive words here");
        Comment held = fixtures.comment(article, null, abuser, "Held abuse", CommentStatus.PENDING);
        Comment deleted = fixtures.comment(article, null, abuser, "Deleted by its author", CommentStatus.DELETED);
        Comment civil = fixtures.comment(article, abuse, bystander, "A civil reply");
        String path = "/articles/" + article.slug;
        given().get(path).then().statusCode(200).body(containsString("Abusive words here"));
        assertEquals(2, mf.commentCount(article.id));

        sanctions.deregister(mod, abuser.username, "Repeated abuse");

        assertEquals(CommentStatus.REMOVED, mf.comment(abuse.id).status);
        assertEquals(CommentStatus.REMOVED, mf.comment(held.id).status);
        assertEquals(CommentStatus.DELETED, mf.comment(deleted.id).status, "the author's own deletion stands");
        assertEquals(CommentStatus.VISIBLE, mf.comment(civil.id).status, "other people's comments stay");
        assertEquals(1, mf.commentCount(article.id), "the article's count follows");
        assertEquals(List.of(Type.REMOVE, Type.REMOVE, Type.DEREGISTER), mf.actionsFor(abuser));
        assertEquals(UserStatus.DEREGISTERED, mf.reload(abuser).status);
        // the removed comment keeps its place for the reply under it; readers see the placeholder at once
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> given().get(path).then().statusCode(200)
                .body(allOf(containsString("Comment removed by a moderator"), containsString("A civil reply"),
                        not(containsString("Abusive words here")), not(containsString("Held abuse")))));
    }
}
