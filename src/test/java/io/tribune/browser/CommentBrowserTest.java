package io.tribune.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tribune.account.User;
import io.tribune.article.Article;
import io.tribune.comment.Comment;
import io.tribune.testsupport.Fixtures;
import io.tribune.testsupport.Sessions;
import jakarta.inject.Inject;

/**
 * A reader logs in, comments, replies and up-votes through the real pages: once with JavaScript (htmx swaps the
 * fragments in place, the page is never reloaded) and once without (plain forms and redirects to the anchor).
 */
@QuarkusTest
class CommentBrowserTest {

    @TestHTTPResource("/")
    URL root;

    @Inject
    Fixtures fixtures;

    ChromeDriver driver;

    @AfterEach
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void withJavaScriptEverythingHappensInPlace() {
        Setup s = setUp(true);
        JavascriptExecutor js = driver;
        js.executeScript("window.tribuneNoReload = 'still here';");

        WebElement box = driver.findElement(By.cssSelector("form#compose-new textarea[name=body]"));
        box.sendKeys("Posted *in place* from a real browser");
        driver.findElement(By.cssSelector("form#compose-new button[value=post]")).click();
        waitFor(By.xpath("//div[@class='comment-body']//em[text()='in place']"));

        fixtures.ageAllBy(s.reader, Duration.ofMinutes(1));
        driver.findElement(By.cssSelector("a[href='/comments/" + s.other.id + "/reply']")).click();
        WebElement reply = waitFor(By.cssSelector("#reply-slot-" + s.other.id + " textarea[name=body]"));
        reply.sendKeys("A reply without a reload");
        driver.findElement(By.cssSelector("#reply-slot-" + s.other.id + " button[value=post]")).click();
        waitFor(By.xpath("//*[@id='reply-slot-" + s.other.id + "']//div[@class='comment-body']/p[text()='A reply without a reload']"));

        By vote = By.cssSelector("button[name=vote][value='" + s.other.id + "']");
        WebElement before = driver.findElement(vote);
        before.click();
        // js/actions.js swaps the button: the one found by one poll may be gone by the time it is read
        new WebDriverWait(driver, Duration.ofSeconds(15)).ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.attributeToBe(vote, "aria-pressed", "true"));
        assertTrue(ExpectedConditions.stalenessOf(before).apply(driver), "swapped in place for the server's button");
        assertEquals("Up 1", driver.findElement(vote).getAttribute("textContent"));

        assertEquals("still here", js.executeScript("return window.tribuneNoReload;"), "the page was never reloaded");
        assertEquals(1, fixtures.reload(s.other).voteCount);
        assertEquals(3, fixtures.reload(s.article).commentCount);
    }

    @Test
    void withoutJavaScriptFormsRedirectBackToTheComment() {
        Setup s = setUp(false);
        driver.findElement(By.cssSelector("form#compose-new textarea[name=body]")).sendKeys("Posted with plain HTML");
        driver.findElement(By.cssSelector("form#compose-new button[value=post]")).click();
        waitFor(By.xpath("//div[@class='comment-body']/p[text()='Posted with plain HTML']"));
        assertTrue(driver.getCurrentUrl().matches(".*/articles/" + s.article.slug + "#c\\d+"), driver.getCurrentUrl());

        fixtures.ageAllBy(s.reader, Duration.ofMinutes(1));
        driver.findElement(By.cssSelector("a[href='/comments/" + s.other.id + "/reply']")).click();
        waitFor(By.cssSelector("h1")); // the reply page
        assertTrue(driver.getCurrentUrl().endsWith("/comments/" + s.other.id + "/reply"));
        driver.findElement(By.cssSelector("textarea[name=body]")).sendKeys("Replying on its own page");
        driver.findElement(By.cssSelector("button[value=post]")).click();
        waitFor(By.xpath("//div[@class='comment-body']/p[text()='Replying on its own page']"));

        driver.findElement(By.cssSelector("button[name=vote][value='" + s.other.id + "']")).click();
        waitFor(By.cssSelector("button[name=vote][value='" + s.other.id + "'][aria-pressed=true]"));
        assertTrue(driver.getCurrentUrl().endsWith("#c" + s.other.id), driver.getCurrentUrl());
        assertEquals(1, fixtures.reload(s.other).voteCount);
    }

    record Setup(Article article, User reader, Comment other) {
    }

    private Setup setUp(boolean javascript) {
        Article article = fixtures.article("Browser comments " + (javascript ? "with" : "without") + " JavaScript");
        String username = Fixtures.unique("browser");
        User reader = Sessions.verifiedUser(username, Sessions.PASSWORD);
        User someone = fixtures.user(Fixtures.unique("someone"));
        Comment other = fixtures.comment(article, null, someone, "Somebody else's opinion");

        driver = Browser.start(javascript);
        driver.get(root + "login");
        driver.findElement(By.id("login")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(Sessions.PASSWORD);
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        waitFor(By.cssSelector("form[action='/logout']"));
        driver.get(root + "articles/" + article.slug);
        waitFor(By.cssSelector("form#compose-new"));
        return new Setup(article, reader, other);
    }

    private WebElement waitFor(By locator) {
        return new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.presenceOfElementLocated(locator));
    }
}
