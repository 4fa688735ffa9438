package io.tribune.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tribune.article.Article;
import io.tribune.comment.Comment;
import io.tribune.testsupport.Fixtures;
import io.tribune.testsupport.Sessions;
import jakarta.inject.Inject;

/**
 * In Chromium: after an htmx up-vote the focus stays on the vote button and the new count is announced; after
 * "Reply" the focus is in the reply box; and on pages with several landmarks of one kind (search forms, updates,
 * navigation) each has its own accessible name, as the browser computes it.
 */
@QuarkusTest
class FrontendBrowserTest {

    private static final Set<String> LANDMARKS = Set.of("banner", "complementary", "contentinfo", "form", "main",
            "navigation", "region", "search");

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
    void theFocusStaysOnTheVoteButtonTheCountIsAnnouncedAndReplyFocusesTheReplyBox() {
        Article article = fixtures.article("Focus after in-place updates");
        Comment other = fixtures.comment(article, null, fixtures.user(Fixtures.unique("focus-other")), "Vote on this");
        String username = Fixtures.unique("focus");
        Sessions.verifiedUser(username, Sessions.PASSWORD);
        driver = Browser.start(true);
        logIn(username);
        driver.get(root + "articles/" + article.slug);
        WebElement live = waitFor(By.id("live-status"));
        assertEquals("", live.getText());
        ((JavascriptExecutor) driver).executeScript("window.tribuneNoReload = 'still here';");
        By vote = By.cssSelector("button[name=vote][value='" + other.id + "']");

        WebElement before = driver.findElement(vote);
        before.click();
        wait(15).ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.attributeToBe(vote, "aria-pressed", "true"));
        wait(5).until(d -> d.findElement(By.id("live-status")).getAttribute("textContent").contains("1 up-vote"));
        assertTrue(ExpectedConditions.stalenessOf(before).apply(driver), "the button was swapped for the server's new one");
        assertEquals("Up 1", driver.findElement(vote).getAttribute("textContent"));
        assertEquals(driver.findElement(vote), driver.switchTo().activeElement(), "the focus stays on the vote button");
        assertEquals("You up-voted this comment: 1 up-vote.", driver.findElement(By.id("live-status")).getAttribute("textContent"));

        driver.findElement(vote).click();
        wait(15).ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.attributeToBe(vote, "aria-pressed", "false"));
        wait(5).until(d -> d.findElement(By.id("live-status")).getAttribute("textContent").contains("0 up-votes"));
        assertEquals(driver.findElement(vote), driver.switchTo().activeElement());
        assertEquals("still here", ((JavascriptExecutor) driver).executeScript("return window.tribuneNoReload;"),
                "the page was never reloaded");

        driver.findElement(By.cssSelector("#c" + other.id + " a[href='/comments/" + other.id + "/reply']")).click();
        WebElement box = waitFor(By.cssSelector("#reply-slot-" + other.id + " textarea[name=body]"));
        wait(5).until(d -> box.equals(d.switchTo().activeElement()));
        assertEquals("body-" + other.id, driver.switchTo().activeElement().getAttribute("id"), "the focus is in the reply box");
        assertEquals(0, fixtures.reload(other).voteCount);
    }

    @Test
    void landmarksOfOneKindHaveDistinctNames() {
        String username = Fixtures.unique("landmark-staff");
        Sessions.verifiedUser(username, Sessions.PASSWORD, "moderator", "editor");
        Sessions.Session staff = Sessions.login(username, Sessions.PASSWORD);
        Article article = fixtures.article("Landmarks with two updates");
        fixtures.comment(article, null, fixtures.user(Fixtures.unique("landmark-other")), "A comment");
        for (String note : List.of("First update.", "Second update.")) {
            staff.form().formParam("update", note).post("/admin/articles/" + article.id + "/updates").then().statusCode(303);
        }

        driver = Browser.start(true);
        logIn(username);
        List<String> problems = new ArrayList<>();
        for (String page : List.of("", "search?q=cloud", "articles/" + article.slug, "admin/articles", "admin/users", "admin")) {
            driver.get(root + page);
            waitFor(By.id("main"));
            Set<String> seen = new HashSet<>();
            for (WebElement element : driver.findElements(By.cssSelector("header, footer, main, nav, aside, section, form, [role]"))) {
                String role = element.getAriaRole();
                String name = element.getAccessibleName();
                boolean named = name != null && !name.isBlank();
                if (!LANDMARKS.contains(role) || ((role.equals("form") || role.equals("region")) && !named)) {
                    continue;
                }
                if (!seen.add(role + " \"" + name + "\"")) {
                    problems.add("/" + page + ": two " + role + " landmarks named \"" + name + "\"");
                }
            }
            assertTrue(seen.contains("search \"Site search\""), page + ": " + seen);
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    private void logIn(String username) {
        driver.get(root + "login");
        driver.findElement(By.id("login")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(Sessions.PASSWORD);
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        waitFor(By.cssSelector("form[action='/logout']"));
    }

    private WebDriverWait wait(int seconds) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds));
    }

    private WebElement waitFor(By locator) {
        return wait(15).until(ExpectedConditions.presenceOfElementLocated(locator));
    }
}
