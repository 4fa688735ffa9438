package io.tribune.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tribune.account.User;
import io.tribune.article.Article;
import io.tribune.browser.Browser;
import io.tribune.comment.Comment;
import io.tribune.comment.CommentStatus;
import io.tribune.testsupport.Fixtures;
import jakarta.inject.Inject;

/**
 * Without JavaScript: a reader reports a comment, the demo moderator logs in, removes it from the Reported queue,
 * and the public thread shows the placeholder.
 */
@QuarkusTest
class ModerationBrowserTest {

    static final String PASSWORD = "reader passphrase 42";

    @TestHTTPResource("/")
    URL root;

    @Inject
    Fixtures fixtures;
    @Inject
    ModerationFixtures mf;
    @Inject
    ReportService reports;

    static ChromeDriver driver;

    @BeforeAll
    static void startBrowser() {
        driver = Browser.start(false);
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    static WebElement waitFor(By locator) {
        return new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.presenceOfElementLocated(locator));
    }

    void logIn(String login, String password) {
        driver.manage().deleteAllCookies();
        driver.get(root + "login");
        waitFor(By.id("login")).sendKeys(login);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("form[action='/login'] button[type=submit]")).click();
        waitFor(By.cssSelector(".account-nav a[href='/users/" + login + "']"));
    }

    @Test
    void aReaderReportsAndAModeratorRemovesTheComment() {
        Article article = fixtures.article("Browser moderation " + Fixtures.unique("b"));
        User author = fixtures.user(Fixtures.unique("troll"));
        Comment comment = fixtures.comment(article, null, author, "Everyone who disagrees is an idiot.");
        fixtures.comment(article, comment, fixtures.user(Fixtures.unique("replier")), "Steady on.");
        User reader = mf.withPassword(fixtures.user(Fixtures.unique("reader")), PASSWORD);
        // two readers reported it already: the third report hides it and puts it at the top of the queue
        reports.report(fixtures.user(Fixtures.unique("r")), comment.id, ReportReason.ABUSIVE, null);
        reports.report(fixtures.user(Fixtures.unique("r")), comment.id, ReportReason.ABUSIVE, null);

        logIn(reader.username, PASSWORD);
        driver.get(root + "articles/" + article.slug);
        waitFor(By.cssSelector("#c" + comment.id + " a[href='/comments/" + comment.id + "/report']")).click();
        waitFor(By.cssSelector("form.report-form"));
        driver.findElement(By.cssSelector("input[name=reason][value=abusive]")).click();
        driver.findElement(By.id("note")).sendKeys("Name-calling");
        driver.findElement(By.cssSelector("form.report-form button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(15))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Thanks — a moderator will look at it"));
        assertEquals(CommentStatus.PENDING, mf.comment(comment.id).status);

        logIn("moddy", "demo-password-for-tests");
        driver.get(root + "admin/queues/reported");
        WebElement item = waitFor(By.id("q" + comment.id));
        assertTrue(item.getText().contains("Name-calling"));
        new Select(item.findElement(By.id("reason-" + comment.id))).selectByValue("abusive");
        item.findElement(By.cssSelector("button[value=remove]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(15))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "remove"));
        assertEquals(CommentStatus.REMOVED, mf.comment(comment.id).status);

        driver.manage().deleteAllCookies();
        driver.get(root + "articles/" + article.slug);
        WebElement placeholder = waitFor(By.cssSelector("#c" + comment.id + " .placeholder"));
        assertEquals("Comment removed by a moderator", placeholder.getText());
        assertFalse(driver.getPageSource().contains("is an idiot"));
    }
}
