package io.tribune.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tribune.browser.Browser;
import io.tribune.comment.CommentStatus;
import io.tribune.testsupport.Fixtures;
import jakarta.inject.Inject;

/** With JavaScript: "?" shows the shortcuts; "x" removes only with a chosen reason and after a confirmation. */
@QuarkusTest
class ShortcutBrowserTest {

    @TestHTTPResource("/")
    URL root;

    @Inject
    Fixtures fixtures;
    @Inject
    ModerationFixtures mf;

    static ChromeDriver driver;

    @BeforeAll
    static void startBrowser() {
        driver = Browser.start(true);
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    static WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(15));
    }

    @Test
    void theDestructiveShortcutAsksForAReasonAndAConfirmation() {
        fixtures.comment(fixtures.article("Shortcuts"), null, fixtures.user(Fixtures.unique("k")), "Keyboard target");
        driver.get(root + "login");
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("login"))).sendKeys("moddy");
        driver.findElement(By.id("password")).sendKeys("demo-password-for-tests");
        driver.findElement(By.cssSelector("form[action='/login'] button[type=submit]")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".account-nav a[href='/users/moddy']")));
        driver.get(root + "admin/queues/recent");
        WebElement current = waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".queue-item.current")));
        long id = Long.parseLong(current.getAttribute("data-comment"));

        WebElement title = driver.findElement(By.cssSelector("h1.page-title"));
        new Actions(driver).moveToElement(title).click().sendKeys("?").perform();
        waiting().until(d -> d.findElement(By.id("shortcuts")).getAttribute("open") != null);

        new Actions(driver).moveToElement(title).click().sendKeys("x").perform();
        Alert noReason = waiting().until(ExpectedConditions.alertIsPresent());
        assertEquals("Choose a removal reason first.", noReason.getText());
        noReason.accept();
        assertEquals(CommentStatus.VISIBLE, mf.comment(id).status);

        new Select(current.findElement(By.id("reason-" + id))).selectByValue("abusive");
        new Actions(driver).moveToElement(title).click().sendKeys("x").perform();
        Alert confirm = waiting().until(ExpectedConditions.alertIsPresent());
        assertTrue(confirm.getText().contains("Abusive — gives a strike"), confirm.getText());
        confirm.dismiss();
        assertEquals(CommentStatus.VISIBLE, mf.comment(id).status, "dismissed: nothing happens");

        new Actions(driver).moveToElement(title).click().sendKeys("x").perform();
        waiting().until(ExpectedConditions.alertIsPresent()).accept();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "remove comment " + id));
        assertEquals(CommentStatus.REMOVED, mf.comment(id).status);
    }
}
