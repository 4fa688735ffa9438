package io.tribune.account.session;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.tribune.account.User;
import io.tribune.article.Article;
import io.tribune.comment.Comment;
import io.tribune.testsupport.Fixtures;
import io.tribune.testsupport.Sessions;
import io.tribune.testsupport.Sessions.Session;
import jakarta.inject.Inject;

/**
 * Issue 19: the CSRF token is bound to the session (signed double submit), so a cookie and field planted from an
 * attacker's own session, or taken before logging in, are refused with a 4xx and write nothing.
 */
@QuarkusTest
class SessionBoundCsrfTest {

    @Inject
    Fixtures fixtures;

    @Test
    void aTokenPairFromAnotherSessionIsRefusedAndWritesNothing() {
        Session victim = Sessions.newUser("csrf-victim");
        Session attacker = Sessions.newUser("csrf-attacker");
        String before = displayName(victim.username());
        // the attacker plants their own, perfectly matching, cookie and field in the victim's browser
        Response forged = given().redirects().follow(false).cookie(Sessions.SESSION_COOKIE, victim.sessionCookie())
                .cookie(Sessions.CSRF, attacker.csrfToken()).contentType(ContentType.URLENC)
                .formParam(Sessions.CSRF, attacker.csrfToken()).formParam("displayName", "Pwned").formParam("bio", "x")
                .post("/settings/profile");
        assertEquals(400, forged.statusCode());
        assertTrue(forged.asString().contains("reload its page"), forged.asString());
        assertEquals(before, displayName(victim.username()), "nothing written");
        // the victim's own pair works
        victim.form().formParam("displayName", "Victim Renamed").formParam("bio", "").post("/settings/profile").then()
                .statusCode(303);
        assertEquals("Victim Renamed", displayName(victim.username()));
    }

    @Test
    void aTokenPairTakenBeforeLoggingInIsRefused() {
        Session victim = Sessions.newUser("csrf-anon");
        Sessions.Csrf anonymous = Sessions.csrf("/login"); // anyone can get one of these
        String before = displayName(victim.username());
        anonymous.form().cookie(Sessions.SESSION_COOKIE, victim.sessionCookie()).formParam("displayName", "Pwned")
                .post("/settings/profile").then().statusCode(400);
        assertEquals(before, displayName(victim.username()));
    }

    @Test
    void theJsonApiRefusesAHeaderAndCookieFromAnotherSession() {
        Article article = fixtures.article("CSRF and the API");
        Session victim = Sessions.newUser("csrf-api-victim");
        Session attacker = Sessions.newUser("csrf-api-attacker");
        Response forged = given().cookie(Sessions.SESSION_COOKIE, victim.sessionCookie())
                .cookie(Sessions.CSRF, attacker.csrfToken()).header("X-CSRF-TOKEN", attacker.csrfToken())
                .contentType(ContentType.JSON).body("{\"body\": \"Planted comment\"}")
                .post("/api/articles/" + article.slug + "/comments");
        assertEquals(400, forged.statusCode());
        assertEquals(400, forged.jsonPath().getInt("status"));
        assertEquals(0L, comments(article.id));
        victim.given().cookie(Sessions.CSRF, victim.csrfToken()).header("X-CSRF-TOKEN", victim.csrfToken())
                .contentType(ContentType.JSON).body("{\"body\": \"The victim's own comment\"}")
                .post("/api/articles/" + article.slug + "/comments").then().statusCode(201);
        assertEquals(1L, comments(article.id));
    }

    @Test
    void loggingInIssuesATokenForTheNewSessionAndPagesReplaceAForeignOne() {
        String name = Fixtures.unique("csrf-login");
        Sessions.verifiedUser(name, Sessions.PASSWORD);
        Sessions.Csrf anonymous = Sessions.csrf("/login");
        Response login = anonymous.form().formParam("login", name).formParam("password", Sessions.PASSWORD).post("/login");
        assertEquals(303, login.statusCode());
        String bound = login.getCookie(Sessions.CSRF);
        assertNotNull(bound);
        assertNotEquals(anonymous.cookie(), bound, "a new token for the new session");
        assertEquals(32, Base64.getUrlDecoder().decode(bound).length);

        // a page read with a token from elsewhere (here: the anonymous one) gets this session's token in its forms
        String session = login.getCookie(Sessions.SESSION_COOKIE);
        Response page = given().redirects().follow(false).cookie(Sessions.SESSION_COOKIE, session)
                .cookie(Sessions.CSRF, anonymous.cookie()).get("/settings");
        assertEquals(200, page.statusCode());
        String fresh = page.getCookie(Sessions.CSRF);
        assertNotNull(fresh);
        assertNotEquals(anonymous.cookie(), fresh);
        assertEquals(fresh, Sessions.csrfToken(page.asString()));
        given().redirects().follow(false).cookie(Sessions.SESSION_COOKIE, session).cookie(Sessions.CSRF, fresh)
                .contentType(ContentType.URLENC).formParam(Sessions.CSRF, fresh).formParam("displayName", "Fresh Token")
                .post("/settings/profile").then().statusCode(303);
        // the same token keeps working page after page (several tabs): it is only replaced when it is not this session's
        Response again = given().redirects().follow(false).cookie(Sessions.SESSION_COOKIE, session)
                .cookie(Sessions.CSRF, fresh).get("/settings");
        assertEquals(fresh, Sessions.csrfToken(again.asString()));
    }

    @Test
    void anOldUnboundTokenCookieIsReplacedNotAnsweredWithAnError() {
        String legacy = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[16]);
        Response r = given().redirects().follow(false).cookie(Sessions.CSRF, legacy).get("/login");
        assertEquals(307, r.statusCode());
        assertEquals("/login", r.header("Location"));
        assertEquals("", r.getCookie(Sessions.CSRF));
        Response post = given().redirects().follow(false).cookie(Sessions.CSRF, legacy).contentType(ContentType.URLENC)
                .formParam(Sessions.CSRF, legacy).formParam("login", "x").formParam("password", "y").post("/login");
        assertEquals(400, post.statusCode());
    }

    /** In production (where the session cookie is Secure) the CSRF cookie is Secure too. */
    @Test
    void theCsrfCookieIsSecureWhereverTheSessionCookieIs() throws Exception {
        URL properties = getClass().getClassLoader().getResource("application.properties");
        assertEquals(Boolean.TRUE, config(properties, "prod").getValue("tribune.accounts.secure-cookie", Boolean.class));
        assertEquals(Boolean.TRUE, config(properties, "prod").getValue("quarkus.rest-csrf.cookie-force-secure", Boolean.class));
        assertEquals(Boolean.FALSE, config(properties, "test").getValue("quarkus.rest-csrf.cookie-force-secure", Boolean.class));
    }

    private static SmallRyeConfig config(URL properties, String profile) throws Exception {
        return new SmallRyeConfigBuilder().withProfile(profile).withSources(new PropertiesConfigSource(properties, 100))
                .build();
    }

    private static String displayName(String username) {
        return QuarkusTransaction.requiringNew().call(() -> User.findByUsername(username).orElseThrow().displayName);
    }

    private static long comments(long articleId) {
        return QuarkusTransaction.requiringNew().call(() -> Comment.count("article.id", articleId));
    }
}
