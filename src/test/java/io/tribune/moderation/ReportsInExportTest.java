package io.tribune.moderation;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.tribune.account.User;
import io.tribune.article.Article;
import io.tribune.comment.Comment;
import io.tribune.testsupport.Fixtures;
import io.tribune.testsupport.Sessions;
import jakarta.inject.Inject;

/** "Download my data" includes the reports the user made. */
@QuarkusTest
class ReportsInExportTest {

    @Inject
    Fixtures fixtures;

    @Inject
    ReportService reports;

    @Test
    void exportListsReportsMade() {
        Sessions.Session reader = Sessions.newUser("exporter");
        User reporter = User.findByUsername(reader.username()).orElseThrow();
        Article article = fixtures.article("Export reports");
        Comment rude = fixtures.comment(article, null, fixtures.user(Fixtures.unique("rude")), "Rude words");
        reports.report(reporter, rude.id, ReportReason.ABUSIVE, "Personal attack");

        reader.given().get("/settings/export").then().statusCode(200)
                .body("reports", hasSize(1))
                .body("reports[0].commentId", equalTo(rude.id.intValue()))
                .body("reports[0].reason", equalTo("abusive"))
                .body("reports[0].note", equalTo("Personal attack"));
    }
}
