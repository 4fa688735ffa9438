package io.tribune.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** A reader opens the home page, follows a headline and sees the nested comment thread. */
@QuarkusTest
class ArticleBrowserTest {

    @TestHTTPResource("/")
    URL root;

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

    @Test
    void readerSeesTheNestedThread() {
        driver.get(root + "sections/privacy");
        driver.findElement(By.cssSelector("a[href='/articles/linkedin-trains-ai-on-members-data-by-default']")).click();

        assertTrue(driver.getTitle().contains("LinkedIn"), driver.getTitle());
        WebElement thread = driver.findElement(By.cssSelector("#comments ol.thread"));
        assertTrue(thread.isDisplayed());
        List<WebElement> topLevel = thread.findElements(By.xpath("./li"));
        assertFalse(topLevel.isEmpty());
        List<WebElement> thirdLevel = driver.findElements(By.cssSelector("ol.thread > li ol.replies > li ol.replies > li"));
        assertFalse(thirdLevel.isEmpty(), "replies three levels deep are shown");
        WebElement deep = thirdLevel.get(0);
        assertTrue(deep.isDisplayed());
        // nested replies are indented to the right of their thread
        assertTrue(deep.getLocation().getX() > topLevel.get(0).getLocation().getX());
        assertEquals(0, driver.manage().getCookies().size(), "an anonymous reader gets no cookie");
    }
}
