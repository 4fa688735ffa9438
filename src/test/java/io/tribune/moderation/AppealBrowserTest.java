package io.tribune.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tribune.account.User;
import io.tribune.account.UserStatus;
import io.tribune.article.Article;
import io.tribune.browser.Browser;
import io.tribune.comment.Comment;
import io.tribune.comment.CommentStatus;
import io.tribune.testsupport.Fixtures;
import jakarta.inject.Inject;

/**
 * Without JavaScript: a de-registered user logs in, reads their history and appeals; the demo moderator (who did not
 * decide) reverses it from the appeals queue, which uses the screen's width; the user comments again.
 */
@QuarkusTest
class AppealBrowserTest {

    static final String PASSWORD = "appeal passphrase 42";

    @TestHTTPResource("/")
    URL root;

    @Inject
    Fixtures fixtures;
    @Inject
    ModerationFixtures mf;
    @Inject
    CommentDecisions decisions;

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
    void aDeregisteredUserAppealsAModeratorReversesAndTheUserCommentsAgain() {
        driver.manage().window().setSize(new Dimension(1366, 900));
        Article article = fixtures.article("Appeal in a browser " + Fixtures.unique("b"));
        User user = mf.withPassword(fixtures.user(Fixtures.unique("appealer")), PASSWORD);
        User decider = mf.account(Fixtures.unique("decider"), "commenter,moderator", UserStatus.ACTIVE);
        for (int i = 1; i <= 3; i++) {
            decisions.remove(decider, fixtures.comment(article, null, user, "Heated remark " + i).id, ReportReason.ABUSIVE, null);
        }
        fixtures.ageAllBy(user, Duration.ofMinutes(5));
        assertEquals(UserStatus.DEREGISTERED, mf.reload(user).status);
        long deregistration = AppealTest.actionId(user, ModerationAction.Type.DEREGISTER);

        logIn(user.username, PASSWORD);
        assertTrue(waitFor(By.cssSelector(".standing-banner")).getText().contains("Your account was de-registered"));
        driver.get(root + "articles/" + article.slug);
        assertTrue(driver.findElements(By.cssSelector("form.comment-form")).isEmpty(), "no comment box");
        driver.get(root + "settings/moderation");
        WebElement event = waitFor(By.id("e" + deregistration));
        assertTrue(event.getText().contains("Your account was de-registered"));
        assertTrue(driver.getPageSource().contains("Heated remark 1"));
        event.findElement(By.id("appeal-" + deregistration)).sendKeys("The remarks were heated, but aimed at the policy, not at people.");
        event.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(15))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "Your appeal has been sent"));

        logIn("moddy", "demo-password-for-tests");
        driver.get(root + "admin/queues/appeals");
        long appealId = QuarkusTransaction.requiringNew().call(() -> Appeal.<Appeal>find("user.id", user.id).firstResult().id);
        WebElement item = waitFor(By.id("appeal-" + appealId));
        assertTrue(item.getText().contains("aimed at the policy"));
        assertTrue(driver.findElement(By.cssSelector(".admin")).getSize().getWidth() > 1100,
                "the admin page uses the width of a 1366 px screen");
        driver.manage().window().setSize(new Dimension(390, 844));
        driver.navigate().refresh();
        item = waitFor(By.id("appeal-" + appealId));
        int viewport = driver.findElement(By.tagName("body")).getSize().getWidth();
        Rectangle box = item.getRect();
        assertTrue(viewport <= 390 && box.getX() >= 0 && box.getX() + box.getWidth() <= viewport,
                "the queue fits a 390 px phone: " + box.getX() + "+" + box.getWidth() + " in " + viewport);
        item.findElement(By.cssSelector("button[value=reverse]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(15))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "reversed"));
        driver.manage().window().setSize(new Dimension(1366, 900));
        User after = mf.reload(user);
        assertEquals(UserStatus.ACTIVE, after.status);
        assertEquals(0, mf.activeStrikes(after, java.time.Instant.now()));

        logIn(user.username, PASSWORD);
        driver.get(root + "articles/" + article.slug);
        waitFor(By.id("body-new")).sendKeys("Thank you for looking again. Back to the vendor's policy, then.");
        driver.findElement(By.cssSelector("form.comment-form button[value=post]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.urlContains("#c"));
        Comment posted = QuarkusTransaction.requiringNew().call(() -> Comment.<Comment>find(
                "author.id = ?1 order by id desc", user.id).firstResult());
        assertEquals(CommentStatus.VISIBLE, posted.status);
        assertTrue(waitFor(By.id("c" + posted.id)).getText().contains("Back to the vendor's policy"));
    }
}
