package io.tribune.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
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

/** Someone replies → the header's count appears (htmx, no reload) → /notifications → the link leads to the reply. */
@QuarkusTest
class NotificationBrowserTest {

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
    void aReplyShowsUpInTheHeaderAndLeadsToTheComment() {
        Article article = fixtures.article("Notified in the browser");
        String username = Fixtures.unique("reader");
        User reader = Sessions.verifiedUser(username, Sessions.PASSWORD);
        Comment mine = fixtures.comment(article, null, reader, "My comment, waiting for answers");

        driver = Browser.start(true);
        driver.get(root + "login");
        driver.findElement(By.id("login")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(Sessions.PASSWORD);
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        waitFor(By.cssSelector("form[action='/logout']"));
        driver.get(root + "articles/" + article.slug);
        WebElement link = waitFor(By.id("notification-link"));
        assertEquals("Notifications", link.getText().strip(), "nothing unread yet");
        ((JavascriptExecutor) driver).executeScript("window.tribuneNoReload = 'still here';");

        Sessions.Session replier = Sessions.newUser("replier");
        String location = replier.form().formParam("article", article.slug).formParam("parentId", mine.id)
                .formParam("body", "An answer for you").post("/comments").then().statusCode(303).extract().header("Location");
        String replyAnchor = location.substring(location.indexOf('#'));

        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#notification-link .count")));
        assertTrue(driver.findElement(By.id("notification-link")).getText().startsWith("Notifications 1"),
                driver.findElement(By.id("notification-link")).getText());
        assertEquals("still here", ((JavascriptExecutor) driver).executeScript("return window.tribuneNoReload;"),
                "the count came without a reload");

        driver.findElement(By.id("notification-link")).click();
        waitFor(By.cssSelector(".notice-list li.unread"));
        String entry = driver.findElement(By.cssSelector(".notice-list li")).getText();
        assertTrue(entry.contains("replied to your comment on “Notified in the browser”"), entry);
        driver.findElement(By.linkText("See the comment")).click();
        waitFor(By.xpath("//div[@class='comment-body']/p[text()='An answer for you']"));
        assertTrue(driver.getCurrentUrl().endsWith("/articles/" + article.slug + replyAnchor), driver.getCurrentUrl());
    }

    private WebElement waitFor(By locator) {
        return new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.presenceOfElementLocated(locator));
    }
}
