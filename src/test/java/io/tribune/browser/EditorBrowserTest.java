package io.tribune.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.tribune.editorial.EditorialFixtures;
import jakarta.inject.Inject;

/**
 * An editor writes an article in the desk, previews it, publishes it, and it appears on the home page.
 * The browser runs without JavaScript: every step is a plain form. {@code @TestSecurity} stands in for the login
 * (it applies to every request during the test, the browser's included), so no test-only endpoint is needed.
 */
@QuarkusTest
class EditorBrowserTest {

    static final String EDITOR = "browser-editor";

    @TestHTTPResource("/")
    URL root;

    @Inject
    EditorialFixtures fixtures;

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
    @TestSecurity(user = EDITOR, roles = { "commenter", "editor" })
    void editorWritesAndPublishesAnArticleThatAppearsOnTheHomePage() {
        fixtures.user(EDITOR, "commenter,editor");
        String headline = "Browser-written story " + System.nanoTime();

        driver.get(root + "admin/articles");
        driver.findElement(By.linkText("Write an article")).click();
        driver.findElement(By.id("headline")).sendKeys(headline);
        new Select(driver.findElement(By.id("sectionId"))).selectByVisibleText("Software");
        driver.findElement(By.id("standfirst")).sendKeys("Written in a real browser.");
        driver.findElement(By.id("body")).sendKeys("Some **strong** words.");
        driver.findElement(By.cssSelector("button[value=preview]")).click();
        assertTrue(driver.findElement(By.cssSelector(".desk-preview strong")).getText().equals("strong"));

        driver.findElement(By.cssSelector("button[value=save]")).click();
        waitForNotice("Draft saved");
        driver.findElement(By.cssSelector("button[value=now]")).click();
        waitForNotice("Published");

        driver.get(root.toString());
        driver.findElement(By.linkText(headline)).click();
        assertTrue(driver.getTitle().startsWith(headline), driver.getTitle());
        assertTrue(driver.findElement(By.cssSelector(".story-body strong")).getText().equals("strong"));
    }

    private static void waitForNotice(String text) {
        new WebDriverWait(driver, Duration.ofSeconds(15)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.cssSelector(".notice")).getText().contains(text));
    }
}
