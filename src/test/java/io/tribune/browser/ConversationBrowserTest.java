package io.tribune.browser;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
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
 * With JavaScript off, a reader folds a thread by its summary and opens it again, mutes a comment's author from the
 * comment (the comment folds to "Comment by a muted user — show") and shows it with a click.
 */
@QuarkusTest
class ConversationBrowserTest {

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
    void withoutJavaScriptThreadsFoldAndAMutedCommentShowsOnAClick() {
        Article article = fixtures.article("Folding in a browser");
        User someone = fixtures.user(Fixtures.unique("fold-someone"));
        User tiresome = fixtures.user(Fixtures.unique("fold-tiresome"));
        Comment root = fixtures.comment(article, null, someone, "The start of a thread");
        Comment reply = fixtures.comment(article, root, tiresome, "A tiresome reply");
        String username = Fixtures.unique("fold-browser");
        Sessions.verifiedUser(username, Sessions.PASSWORD);

        driver = Browser.start(false);
        driver.get(root() + "articles/" + article.slug);
        WebElement replyText = waitFor(By.xpath("//div[@class='comment-body']/p[text()='A tiresome reply']"));
        assertTrue(replyText.isDisplayed());
        WebElement summary = driver.findElement(By.cssSelector("#c" + root.id + " > details.thread-fold > summary"));
        assertTrue(summary.getText().contains("1 reply"), summary.getText());
        summary.click();
        waitUntil(() -> !replyText.isDisplayed());
        summary.click();
        waitUntil(replyText::isDisplayed);

        driver.get(root() + "login");
        driver.findElement(By.id("login")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(Sessions.PASSWORD);
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        waitFor(By.cssSelector("form[action='/logout']"));
        driver.get(root() + "articles/" + article.slug);
        driver.findElement(By.cssSelector("#c" + reply.id + " button[name=mute][value='" + reply.id + "']")).click();
        WebElement fold = waitFor(By.cssSelector("#c" + reply.id + " details.muted > summary"));
        assertTrue(fold.getText().contains("Comment by a muted user — show"), fold.getText());
        WebElement hidden = driver.findElement(By.xpath("//div[@class='comment-body']/p[text()='A tiresome reply']"));
        assertFalse(hidden.isDisplayed(), "folded for the muter");
        fold.click();
        waitUntil(hidden::isDisplayed);
        assertTrue(driver.findElement(By.xpath("//div[@class='comment-body']/p[text()='The start of a thread']")).isDisplayed());
    }

    private String root() {
        return root.toString();
    }

    private WebElement waitFor(By locator) {
        return new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.presenceOfElementLocated(locator));
    }

    private void waitUntil(java.util.function.BooleanSupplier condition) {
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> condition.getAsBoolean());
    }
}
