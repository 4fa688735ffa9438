package io.tribune.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tribune.testsupport.Fixtures;
import jakarta.inject.Inject;

/** A reader signs up, opens the link from the email, and logs in through the real forms, without JavaScript. */
@QuarkusTest
class AccountBrowserTest {

    private static final Pattern LINK = Pattern.compile("http://[^/\\s]+/(\\S+)");

    @TestHTTPResource("/")
    URL root;

    @Inject
    MockMailbox mailbox;

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

    /** Form submissions may return before the next page is there: wait for what it shows. */
    static WebElement waitFor(By locator) {
        return new WebDriverWait(driver, java.time.Duration.ofSeconds(15))
                .until(ExpectedConditions.presenceOfElementLocated(locator));
    }

    @Test
    void signUpVerifyAndLogIn() {
        String username = Fixtures.unique("web");
        String email = username + "@browser.test";
        driver.get(root + "articles/linkedin-trains-ai-on-members-data-by-default");
        driver.findElement(By.cssSelector(".account-nav a[href='/signup']")).click();
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("email")).sendKeys(email);
        driver.findElement(By.id("password")).sendKeys("browser passphrase");
        driver.findElement(By.cssSelector("label[for=acceptPolicy]")).click();
        driver.findElement(By.cssSelector("form[action='/signup'] button[type=submit]")).click();
        new WebDriverWait(driver, java.time.Duration.ofSeconds(15))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Check your email"));

        List<Mail> mails = mailbox.getMailsSentTo(email);
        assertEquals(1, mails.size());
        Matcher m = LINK.matcher(mails.get(0).getText());
        assertTrue(m.find());
        driver.get(root + m.group(1)); // the app's base URL in mails is the production one: keep the path
        assertTrue(driver.findElement(By.tagName("h1")).getText().contains("Email confirmed"));

        driver.findElement(By.cssSelector("main a[href='/login']")).click();
        waitFor(By.id("login")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys("browser passphrase");
        driver.findElement(By.cssSelector("form[action='/login'] button[type=submit]")).click();

        assertEquals(username, waitFor(By.cssSelector(".account-nav a[href='/users/" + username + "']")).getText());
        Cookie session = driver.manage().getCookieNamed("tribune-session");
        assertTrue(session != null && session.isHttpOnly(), "HttpOnly session cookie");

        driver.findElement(By.cssSelector(".account-nav a[href='/settings']")).click();
        waitFor(By.cssSelector("a[href='/settings/export']"));
        assertTrue(!driver.getPageSource().contains("Please verify"), "verified: nothing blocks taking part");

        driver.findElement(By.cssSelector(".account-nav form[action='/logout'] button")).click();
        waitFor(By.cssSelector(".account-nav a[href='/login']"));
        assertEquals(null, driver.manage().getCookieNamed("tribune-session"));
    }
}
