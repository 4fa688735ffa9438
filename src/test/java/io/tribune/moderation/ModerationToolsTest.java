package io.tribune.moderation;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.tribune.account.User;
import io.tribune.account.UserStatus;
import io.tribune.article.Article;
import io.tribune.comment.Comment;
import io.tribune.comment.CommentStatus;
import io.tribune.moderation.ModerationAction.Type;
import io.tribune.testsupport.Fixtures;
import io.tribune.testsupport.Sessions;
import jakarta.inject.Inject;

/** Safe moderator tools: no preselected reason, a refused reasonless removal, a bulk removal that says what it will do. */
@QuarkusTest
class ModerationToolsTest {

    @Inject
    Fixtures fixtures;
    @Inject
    ModerationFixtures mf;
    @Inject
    CommentDecisions decisions;

    @Test
    void theQueueSelectsNoReasonSaysWhichGiveAStrikeAndListsTheShortcuts() {
        Sessions.Session mod = Sessions.newUser("tools", "moderator");
        fixtures.comment(fixtures.article("Queue page"), null, fixtures.user(Fixtures.unique("w")), "Recent comment");
        String page = mod.given().get("/admin/queues/recent").then().statusCode(200)
                .body(containsString("<option value=\"\" selected>Choose a reason (for removal)</option>"))
                .body(containsString("Abusive — gives a strike"))
                .body(containsString("Spam or advertising — no strike"))
                .body(containsString("Keyboard shortcuts (press <kbd>?</kbd>)"))
                .body(containsString("asks for confirmation first"))
                .extract().asString();
        assertTrue(!page.contains("selected>Abusive") && !page.matches("(?s).*<option value=\"abusive\"[^>]*selected.*"),
                "no reason is preselected");
    }

    @Test
    void aRemovalWithoutAReasonIsRefusedAndChangesNothing() {
        Sessions.Session mod = Sessions.newUser("tools", "moderator");
        User author = fixtures.user(Fixtures.unique("kept"));
        Comment c = fixtures.comment(fixtures.article("No reason"), null, author, "Borderline");
        mod.form().formParam("action", "remove").formParam("reason", "").formParam("back", "recent")
                .post("/admin/comments/" + c.id + "/decision").then().statusCode(303)
                .header("Location", containsString("error=Choose+a+removal+reason"));
        assertEquals(CommentStatus.VISIBLE, mf.comment(c.id).status);
        assertEquals(List.of(), mf.actionsFor(author));
        assertEquals(0, mf.activeStrikes(author, Instant.now()));
    }

    @Test
    void aBulkRemovalSaysBeforehandWhomItStrikesSuspendsAndDeregisters() {
        Sessions.Session mod = Sessions.newUser("bulk", "moderator");
        User modUser = QuarkusTransaction.requiringNew().call(() -> User.findByUsername(mod.username()).orElseThrow());
        Article article = fixtures.article("Bulk");
        User once = fixtures.user(Fixtures.unique("once"));
        decisions.remove(modUser, fixtures.comment(article, null, once, "earlier").id, ReportReason.ABUSIVE, null);
        Comment onceAgain = fixtures.comment(article, null, once, "again");
        User thrice = fixtures.user(Fixtures.unique("thrice"));
        Comment t1 = fixtures.comment(article, null, thrice, "t1");
        Comment t2 = fixtures.comment(article, null, thrice, "t2");
        Comment t3 = fixtures.comment(article, null, thrice, "t3");
        User first = fixtures.user(Fixtures.unique("first"));
        Comment f1 = fixtures.comment(article, null, first, "f1");
        List<Long> ids = List.of(onceAgain.id, t1.id, t2.id, t3.id, f1.id);

        mod.form().formParam("ids", ids.toArray()).formParam("action", "remove").formParam("reason", "abusive")
                .post("/admin/queues/recent/bulk").then().statusCode(200)
                .body(containsString("5 comments by 3 users will be removed."))
                .body(containsString("3 users will get a strike"))
                .body(containsString("1 user will be suspended"))
                .body(containsString("1 user will be de-registered"))
                .body(containsString("name=\"confirmed\" value=\"yes\""));
        assertEquals(CommentStatus.VISIBLE, mf.comment(t1.id).status, "nothing changes before the confirmation");
        assertEquals(UserStatus.ACTIVE, mf.reload(once).status);

        mod.form().formParam("ids", ids.toArray()).formParam("action", "remove").formParam("reason", "spam")
                .post("/admin/queues/recent/bulk").then().statusCode(200)
                .body(containsString("gives no strike: nobody will be suspended or de-registered"));
        mod.form().formParam("ids", ids.toArray()).formParam("action", "remove").formParam("reason", "")
                .post("/admin/queues/recent/bulk").then().statusCode(303)
                .header("Location", containsString("error=Choose+a+removal+reason"));

        mod.form().formParam("ids", ids.toArray()).formParam("action", "remove").formParam("reason", "abusive")
                .formParam("note", "").formParam("confirmed", "yes").post("/admin/queues/recent/bulk").then().statusCode(303)
                .header("Location", containsString("done=remove+5+comments"));
        assertEquals(UserStatus.SUSPENDED, mf.reload(once).status);
        assertEquals(UserStatus.DEREGISTERED, mf.reload(thrice).status);
        assertEquals(UserStatus.ACTIVE, mf.reload(first).status);
        assertEquals(1, mf.activeStrikes(first, Instant.now()));
    }

    @Test
    void theAuditLogSpeaksPlainWordsFiltersAndExportsCsvForAdmins() {
        Sessions.Session mod = Sessions.newUser("logmod", "moderator");
        Sessions.Session admin = Sessions.newUser("logadmin", "admin");
        User modUser = QuarkusTransaction.requiringNew().call(() -> User.findByUsername(mod.username()).orElseThrow());
        User author = fixtures.user(Fixtures.unique("logged"));
        Comment c = fixtures.comment(fixtures.article("Logged"), null, author, "=HYPERLINK(\"evil\")");
        decisions.remove(modUser, c.id, ReportReason.ABUSIVE, "=cmd|' /C calc'!A0");

        mod.given().get("/admin/log?user=" + author.username).then().statusCode(200)
                .body(containsString("<span class=\"audit-action\">Removal:</span> <a href=\"/admin/users/" + mod.username()
                        + "\">@" + mod.username() + "</a> removed <a href=\"/comments/" + c.id + "\">comment #" + c.id
                        + "</a> by <a href=\"/admin/users/" + author.username + "\">@" + author.username + "</a> as abusive"))
                .body(containsString("gave <a href=\"/admin/users/" + author.username + "\">@" + author.username
                        + "</a> a strike for"))
                .body(containsString("<option value=\"REMOVE\">Removal</option>"))
                .body(not(containsString("export.csv")));
        mod.given().get("/admin/log?user=" + author.username + "&action=STRIKE").then().statusCode(200)
                .body(containsString("a strike for"))
                .body(not(containsString("Removal:</span>")));
        mod.given().redirects().follow(false).get("/admin/log/export.csv?user=" + author.username).then().statusCode(403);

        admin.given().get("/admin/log?user=" + author.username).then().statusCode(200).body(containsString("export.csv"));
        String csv = admin.given().get("/admin/log/export.csv?user=" + author.username).then().statusCode(200)
                .contentType(startsWith("text/csv"))
                .header("Content-Disposition", containsString("attachment"))
                .extract().asString();
        String[] lines = csv.split("\r\n");
        assertEquals("id,time,moderator,action,what,user,comment,reason_code,reason,before,after", lines[0]);
        assertEquals(3, lines.length, csv);
        assertTrue(csv.contains("\"Removal\",\"" + mod.username() + " removed comment #" + c.id + " by @" + author.username
                + " as abusive\""), csv);
        assertEquals("\"'=cmd|' /C calc'!A0\"", LogPages.cell("=cmd|' /C calc'!A0"), "a spreadsheet formula is neutralised");
        assertEquals("\"say \"\"hi\"\"\"", LogPages.cell("say \"hi\""));
    }
}
