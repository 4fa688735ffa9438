package io.tribune.article;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.tribune.account.User;
import io.tribune.comment.Comment;
import io.tribune.comment.CommentModeration;
import io.tribune.comment.CommentService;
import io.tribune.comment.CommentStatus;
import io.tribune.editorial.EditorialService;
import io.tribune.editorial.SectionService;
import io.tribune.testsupport.Fixtures;
import io.tribune.vote.VoteService;
import jakarta.inject.Inject;

/** Anonymous readers get cached pages, and every change to the thread or the article shows at once. */
@QuarkusTest
class AnonymousArticlePagesTest {

    @Inject
    Fixtures fixtures;

    @Inject
    CommentService comments;

    @Inject
    VoteService votes;

    @Inject
    CommentModeration moderation;

    @Inject
    SessionFactory sessionFactory;

    @Inject
    EditorialService editorial;

    @Inject
    SectionService sections;

    @Test
    void everyChangeReachesTheCachedThread() {
        Article article = fixtures.article("Cached thread");
        User alice = fixtures.user(Fixtures.unique("alice"));
        User bob = fixtures.user(Fixtures.unique("bob"));
        Comment first = comments.post(alice.id, article.id, null, "The first word").comment();
        String path = "/articles/" + article.slug;
        given().get(path).then().statusCode(200).body(containsString("The first word"));

        sessionFactory.getStatistics().clear();
        given().get(path).then().statusCode(200).body(containsString("The first word"));
        long cached = sessionFactory.getStatistics().getPrepareStatementCount();
        assertEquals(0, cached, "a cached page costs only its stamp (one plain JDBC query), no Hibernate statement");

        comments.post(bob.id, article.id, first.id, "A reply that must show");
        given().get(path).then().body(containsString("A reply that must show"));

        votes.set(bob.id, first.id, true);
        given().get(path).then().body(containsString("Up 1"));

        comments.edit(alice.id, first.id, "The first word, edited");
        given().get(path).then().body(containsString("The first word, edited")).body(containsString("edited</span>"));

        QuarkusTransaction.requiringNew().run(() -> moderation.setStatus(Comment.findById(first.id), CommentStatus.REMOVED));
        given().get(path).then().body(containsString("Comment removed by a moderator"))
                .body(not(containsString("The first word, edited")));
    }

    @Test
    void editorialChangesSectionNamesAndClosingReachTheCachedPage() {
        Article article = fixtures.article("Cached page");
        String path = "/articles/" + article.slug;
        given().get(path).then().statusCode(200).body(containsString("Cached page"))
                .body(not(containsString("Comments are closed")));
        given().get(path).then().statusCode(200);

        editorial.addUpdate(article.id, "A correction that must show at once");
        given().get(path).then().body(containsString("A correction that must show at once"));

        long newsId = QuarkusTransaction.requiringNew().call(() -> Section.findBySlug("news").orElseThrow().id);
        String renamed = Fixtures.unique("Renamed news");
        QuarkusTransaction.requiringNew().run(() -> sections.rename(newsId, renamed));
        try {
            given().get(path).then().body(containsString(renamed));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> sections.rename(newsId, "News"));
        }
        given().get(path).then().body(not(containsString(renamed)));

        fixtures.publishedDaysAgo(article, 400); // past tribune.comments.close-after-days
        given().get(path).then().body(containsString("Comments are closed"));
    }
}
