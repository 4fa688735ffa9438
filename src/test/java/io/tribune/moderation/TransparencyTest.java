package io.tribune.moderation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.tribune.account.User;
import io.tribune.account.UserStatus;
import io.tribune.article.Article;
import io.tribune.testsupport.Fixtures;
import jakarta.inject.Inject;

/** /transparency: public, cookie-free, per month, counted from the log, without names; linked from /policy. */
@QuarkusTest
class TransparencyTest {

    @Inject
    Fixtures fixtures;
    @Inject
    ModerationFixtures mf;
    @Inject
    CommentDecisions decisions;
    @Inject
    ReportService reports;
    @Inject
    Appeals appeals;

    @Test
    void theMonthsNumbersFollowTheDecisionsAndNameNobody() {
        long[] before = currentMonth();
        User mod = mf.account(Fixtures.unique("tmod"), "commenter,moderator", UserStatus.ACTIVE);
        User other = mf.account(Fixtures.unique("tmod2"), "commenter,moderator", UserStatus.ACTIVE);
        User author = fixtures.user(Fixtures.unique("tauthor"));
        Article article = fixtures.article("Transparency");
        var c1 = fixtures.comment(article, null, author, "one");
        reports.report(fixtures.user(Fixtures.unique("rep")), c1.id, ReportReason.ABUSIVE, null);
        decisions.remove(mod, c1.id, ReportReason.ABUSIVE, null);
        decisions.remove(mod, fixtures.comment(article, null, author, "two").id, ReportReason.SPAM, null);
        Appeal a = appeals.file(author, AppealTest.actionId(author, ModerationAction.Type.REMOVE), "Please");
        appeals.decide(other, a.id, false, "It stands", false);

        long[] after = currentMonth();
        // reports, removed, strikes, withdrawn, suspensions, de-registrations, appeals, reversed, upheld
        assertEquals(before[0] + 1, after[0], "reports");
        assertEquals(before[1] + 2, after[1], "removals");
        assertEquals(before[2] + 1, after[2], "strikes");
        assertEquals(before[6] + 1, after[6], "appeals received");
        assertEquals(before[8] + 1, after[8], "upheld");
        Response page = given().get("/transparency");
        page.then().statusCode(200).body(not(containsString(author.username))).body(not(containsString(mod.username)))
                .body(not(containsString("It stands")));
        assertNull(page.getHeader("Set-Cookie"), "no cookie for readers");
        given().get("/policy").then().statusCode(200).body(containsString("href=\"/transparency\""));
    }

    /** The current month's numbers in the first table, as they are shown (the two medians left out). */
    static long[] currentMonth() {
        String html = given().get("/transparency").then().statusCode(200).extract().asString();
        String label = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK).format(YearMonth.now(ZoneOffset.UTC));
        Matcher row = Pattern.compile("<tr><th scope=\"row\">" + label + "</th>((?:<td>\\d+</td>\\s*){9})").matcher(html);
        if (!row.find()) {
            throw new AssertionError("no row for " + label + " in " + html);
        }
        Matcher n = Pattern.compile("<td>(\\d+)</td>").matcher(row.group(1));
        long[] values = new long[9];
        for (int i = 0; i < 9 && n.find(); i++) {
            values[i] = Long.parseLong(n.group(1));
        }
        return values;
    }
}
