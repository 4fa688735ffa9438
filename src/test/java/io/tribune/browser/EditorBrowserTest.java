package io.tribune.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The demo editor {@code eddie} logs in through the real form, writes an article in the desk, previews it,
 * publishes it, and it appears on the home page. The browser runs without JavaScript: every step is a plain form.
 * The test profile gives the demo accounts a known password ({@code tribune.accounts.demo-password}).
 */
@QuarkusTest
class EditorBrowserTest {

    static final String EDITOR = "eddie";
    static final String PASSWORD = "demo-password-for-tests";

    @TestHTTPResource("/")
    URL root;

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

    @Test
    void editorLogsInWritesAndPublishesAnArticleThatAppearsOnTheHomePage() {
        String headline = "Browser-written story " + System.nanoTime();

        driver.get(root + "login");
        driver.findElement(By.id("login")).sendKeys(EDITOR);
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        driver.findElement(By.cssSelector("form[action='/login'] button[type=submit]")).click();
        assertEquals(EDITOR, waitFor(By.cssSelector(".account-nav a[href='/users/" + EDITOR + "']")).getText());

        driver.findElement(By.cssSelector(".account-nav a[href='/admin/articles']")).click();
        waitFor(By.linkText("Write an article")).click();
        waitFor(By.id("headline")).sendKeys(headline);
        new Select(driver.findElement(By.id("sectionId"))).selectByVisibleText("Software");
        driver.findElement(By.id("standfirst")).sendKeys("Written in a real browser.");
        driver.findElement(By.id("body")).sendKeys("Some **strong** words.");
        driver.findElement(By.cssSelector("button[value=preview]")).click();
        assertEquals("strong", waitFor(By.cssSelector(".desk-preview strong")).getText());

        driver.findElement(By.cssSelector("button[value=save]")).click();
        waitForNotice("Draft saved");
        driver.findElement(By.cssSelector("button[value=now]")).click();
        waitForNotice("Published");

        driver.get(root.toString());
        driver.findElement(By.linkText(headline)).click();
        assertTrue(driver.getTitle().startsWith(headline), driver.getTitle());
        assertEquals("strong", driver.findElement(By.cssSelector(".story-body strong")).getText());
    }

    private static WebElement waitFor(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(15)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(by));
    }

    private static void waitForNotice(String text) {
        new WebDriverWait(driver, Duration.ofSeconds(15)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.cssSelector(".notice")).getText().contains(text));
    }
}
