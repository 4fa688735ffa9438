package io.tribune.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tribune.account.User;
import io.tribune.article.Article;
import io.tribune.comment.Comment;
import io.tribune.live.LiveHub;
import io.tribune.testsupport.Fixtures;
import io.tribune.testsupport.Sessions;
import jakarta.inject.Inject;

/**
 * A reader has an article open while someone else comments: a bar says "1 new comment — show" and the comment is
 * put in place only when they press it; an up-vote changes the count in place; a hidden tab holds no stream and
 * catches up when visible again. Without JavaScript nothing happens.
 */
@QuarkusTest
class LiveBrowserTest {

    @TestHTTPResource("/")
    URL root;

    @Inject
    Fixtures fixtures;
    @Inject
    LiveHub hub;

    ChromeDriver driver;

    @AfterEach
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void aNewCommentIsAnnouncedByTheBarAndInsertedWhenItIsPressed() {
        Article article = fixtures.article("Live in the browser");
        Sessions.Session writer = Sessions.newUser("writer");
        String first = "Already here " + Fixtures.unique("f");
        writer.form().formParam("article", article.slug).formParam("body", first).post("/comments").then().statusCode(303);
        long firstId = idOf(first);
        fixtures.ageAllBy(QuarkusTransaction.requiringNew().call(() -> User.<User>find("username", writer.username()).firstResult()),
                Duration.ofMinutes(2));

        driver = Browser.start(true);
        driver.get(root + "articles/" + article.slug);
        JavascriptExecutor js = driver;
        js.executeScript("window.tribuneNoReload = 'still here';");
        waitForStream();

        String body = "Arrived while you were reading " + Fixtures.unique("n");
        writer.form().formParam("article", article.slug).formParam("body", body).post("/comments").then().statusCode(303);
        long id = idOf(body);

        WebElement show = new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.elementToBeClickable(By.cssSelector(".live-bar button")));
        assertEquals("1 new comment \u2014 show", show.getText());
        assertEquals("status", driver.findElement(By.cssSelector(".live-bar")).getAttribute("role"));
        assertTrue(driver.findElements(By.id("c" + id)).isEmpty(), "not pushed into the page before it is asked for");

        show.click();
        WebElement inserted = new WebDriverWait(driver, Duration.ofSeconds(5))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("ol.thread > li#c" + id)));
        assertTrue(inserted.getText().contains(body), inserted.getText());
        List<WebElement> threads = driver.findElements(By.cssSelector("ol.thread > li.comment"));
        assertEquals("c" + id, threads.get(threads.size() - 1).getAttribute("id"), "oldest first: at the bottom");
        assertTrue(driver.findElements(By.cssSelector(".live-bar button")).isEmpty(), "the bar is empty again");

        Sessions.Session voter = Sessions.newUser("voter");
        voter.form().post("/comments/" + firstId + "/vote").then().statusCode(303);
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(
                By.cssSelector("#c" + firstId + " .votes"), "Up 1"));
        assertEquals("still here", js.executeScript("return window.tribuneNoReload;"), "the page was never reloaded");
    }

    @Test
    void aHiddenTabClosesItsStreamAndResumesWhereItWasWhenVisibleAgain() {
        Article article = fixtures.article("Live in a hidden tab");
        Sessions.Session writer = Sessions.newUser("writer");
        driver = Browser.start(true);
        driver.get(root + "articles/" + article.slug);
        waitForStream();
        String before = "Seen while visible " + Fixtures.unique("v");
        writer.form().formParam("article", article.slug).formParam("body", before).post("/comments").then().statusCode(303);
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.textToBe(By.cssSelector(".live-bar button"), "1 new comment \u2014 show"));

        JavascriptExecutor js = driver;
        js.executeScript(VISIBILITY, "hidden");
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> hub.openStreams() == 0);
        fixtures.ageAllBy(QuarkusTransaction.requiringNew().call(() -> User.<User>find("username", writer.username()).firstResult()),
                Duration.ofMinutes(2));
        String during = "Written while the tab was hidden " + Fixtures.unique("h");
        writer.form().formParam("article", article.slug).formParam("body", during).post("/comments").then().statusCode(303);
        sleep(1_500);
        assertEquals("1 new comment \u2014 show", driver.findElement(By.cssSelector(".live-bar button")).getText());

        js.executeScript(VISIBILITY, "visible");
        // only a stream resumed from the last event seen gets the comment written meanwhile
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.textToBe(By.cssSelector(".live-bar button"), "2 new comments \u2014 show"));
        assertEquals(1, hub.openStreams(), "reopened when visible again");
        driver.findElement(By.cssSelector(".live-bar button")).click();
        assertTrue(driver.findElement(By.id("c" + idOf(before))).getText().contains(before));
        assertTrue(driver.findElement(By.id("c" + idOf(during))).getText().contains(during));
    }

    /** Makes the page believe its tab is hidden or visible, as the browser tells it when the reader switches tabs. */
    private static final String VISIBILITY = "Object.defineProperty(document, 'visibilityState', "
            + "{ configurable: true, get: function () { return arguments[0]; }.bind(null, arguments[0]) });"
            + "document.dispatchEvent(new Event('visibilitychange'));";

    @Test
    void withoutJavaScriptThePageIsUnchangedUntilReloaded() {
        Article article = fixtures.article("Live without script");
        driver = Browser.start(false);
        driver.get(root + "articles/" + article.slug);
        Sessions.Session writer = Sessions.newUser("writer");
        String body = "Seen after a reload " + Fixtures.unique("n");
        writer.form().formParam("article", article.slug).formParam("body", body).post("/comments").then().statusCode(303);
        sleep(1_500);
        assertTrue(driver.findElements(By.cssSelector(".live-bar")).isEmpty());
        assertTrue(!driver.getPageSource().contains(body));
        driver.navigate().refresh();
        assertTrue(driver.getPageSource().contains(body));
    }

    /** The page's script has opened its stream (the only one open in this test). */
    private void waitForStream() {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> hub.openStreams() == 1);
        sleep(300); // registered on the hub's thread just after
    }

    private static long idOf(String body) {
        return QuarkusTransaction.requiringNew().call(() -> Comment.<Comment>find("body", body).firstResult().id);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
