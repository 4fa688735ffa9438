package io.tribune.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tribune.account.User;
import io.tribune.article.Article;
import io.tribune.importer.ImportKind;
import io.tribune.importer.Importer;
import io.tribune.testsupport.Fixtures;
import jakarta.inject.Inject;

/**
 * A commenter of the old site (imported from Disqus) signs up with the address they used there, opens the link from
 * the email, logs in, renames themselves, and finds their old comment under their new name: without JavaScript.
 */
@QuarkusTest
class ClaimBrowserTest {

    static final String EMAIL = "kiri.disqus@example.test";
    static final String STORY = "disqus-matched-story";
    private static final Pattern LINK = Pattern.compile("http://[^/\\s]+/(\\S+)");

    @TestHTTPResource("/")
    URL root;

    @Inject
    MockMailbox mailbox;

    @Inject
    Importer importer;

    @Inject
    Fixtures fixtures;

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

    @Test
    void anImportedCommenterClaimsTheirAccountAndComments() throws Exception {
        if (QuarkusTransaction.requiringNew().call(() -> Article.count("slug", STORY) == 0)) {
            Article a = fixtures.article("A story matched by its URL");
            QuarkusTransaction.requiringNew().run(() -> Article.update("slug = ?1 where id = ?2", STORY, a.id));
        }
        importer.run(ImportKind.DISQUS, java.nio.file.Path.of("src/test/resources/import/disqus.xml"), false,
                Importer.Progress.NONE);
        User imported = QuarkusTransaction.requiringNew().call(() -> User.findByEmail(EMAIL).orElseThrow());
        long id = imported.id;

        driver.get(root + "articles/" + STORY);
        assertTrue(driver.getPageSource().contains("Disqus depth two, listed before its parent."));
        driver.findElement(By.cssSelector(".account-nav a[href='/signup']")).click();
        String username = Fixtures.unique("kiri");
        waitFor(By.id("username")).sendKeys(username);
        driver.findElement(By.id("email")).sendKeys(EMAIL);
        driver.findElement(By.id("password")).sendKeys("kiri's new passphrase");
        driver.findElement(By.cssSelector("label[for=acceptPolicy]")).click();
        driver.findElement(By.cssSelector("form[action='/signup'] button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(15))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Check your email"));

        List<Mail> mails = mailbox.getMailsSentTo(EMAIL);
        assertEquals(1, mails.size());
        Matcher m = LINK.matcher(mails.get(0).getText());
        assertTrue(m.find());
        driver.get(root + m.group(1));
        assertTrue(driver.findElement(By.tagName("h1")).getText().contains("Email confirmed"));

        driver.findElement(By.cssSelector("main a[href='/login']")).click();
        waitFor(By.id("login")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys("kiri's new passphrase");
        driver.findElement(By.cssSelector("form[action='/login'] button[type=submit]")).click();
        waitFor(By.cssSelector(".account-nav a[href='/users/" + username + "']"));

        driver.findElement(By.cssSelector(".account-nav a[href='/settings']")).click();
        WebElement name = waitFor(By.id("displayName"));
        assertEquals("Kiri", name.getAttribute("value"));
        name.clear();
        name.sendKeys("Kiri Claimed");
        name.submit();
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.urlContains("done=profile"));

        driver.get(root + "articles/" + STORY);
        String page = driver.getPageSource();
        assertTrue(page.contains("Kiri Claimed"), "the new name on the old comment");
        assertTrue(page.contains("href=\"/users/" + username + "\""));
        assertFalse(page.contains(imported.username), "the placeholder username is gone");
        assertEquals(id, QuarkusTransaction.requiringNew().call(() -> User.findByUsername(username).orElseThrow().id));
    }
}
