package io.tribune.moderation;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.tribune.account.User;
import io.tribune.article.Article;
import io.tribune.comment.Comment;
import io.tribune.testsupport.Fixtures;
import io.tribune.testsupport.HtmlValidator;
import io.tribune.testsupport.Sessions;
import jakarta.inject.Inject;

/** The pages issue 14 added or changed are valid HTML (Nu HTML Checker), filled with real content. */
@QuarkusTest
class ModerationPagesValidityTest {

    @Inject
    Fixtures fixtures;
    @Inject
    CommentDecisions decisions;
    @Inject
    Appeals appeals;

    @Test
    void fairModerationPagesAreValid() {
        Sessions.Session user = Sessions.newUser("valid");
        User author = AppealFixtures.user(user.username());
        Sessions.Session mod = Sessions.newUser("validmod", "moderator");
        Sessions.Session admin = Sessions.newUser("validadmin", "admin");
        User decider = Sessions.verifiedUser(Fixtures.unique("validdecider"), Sessions.PASSWORD, "moderator");
        Article article = fixtures.article("Valid pages");
        Comment first = fixtures.comment(article, null, author, "First <b>remark</b>");
        Comment second = fixtures.comment(article, null, author, "Second remark");
        fixtures.comment(article, null, decider, "A moderator speaks");
        decisions.remove(decider, first.id, ReportReason.ABUSIVE, "Rude & personal");
        decisions.remove(decider, second.id, ReportReason.ABUSIVE, null);
        appeals.file(author, AppealTest.actionId(author, ModerationAction.Type.REMOVE), "Please <look> again");
        Comment open = fixtures.comment(article, null, Sessions.verifiedUser(Fixtures.unique("other"), Sessions.PASSWORD),
                "Still visible");

        HtmlValidator.assertValid("/settings/moderation", user.given().get("/settings/moderation").then().statusCode(200)
                .extract().asString());
        HtmlValidator.assertValid("/settings/moderation with an error", user.form()
                .formParam("action", AppealTest.actionId(author, ModerationAction.Type.STRIKE)).formParam("text", "")
                .post("/settings/moderation/appeals").then().statusCode(422).extract().asString());
        HtmlValidator.assertValid("article as a suspended user", user.given().get("/articles/" + article.slug).then()
                .statusCode(200).extract().asString());
        for (String path : List.of("/admin/queues/appeals", "/admin/queues/recent", "/admin", "/admin/log?user="
                + author.username, "/transparency", "/policy", "/articles/" + article.slug)) {
            HtmlValidator.assertValid(path, mod.given().get(path).then().statusCode(200).extract().asString());
        }
        HtmlValidator.assertValid("bulk confirmation", mod.form().formParam("ids", open.id).formParam("action", "remove")
                .formParam("reason", "abusive").post("/admin/queues/recent/bulk").then().statusCode(200).extract().asString());
        HtmlValidator.assertValid("/admin/log as admin", admin.given().get("/admin/log").then().statusCode(200)
                .extract().asString());
    }
}
