package io.tribune.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.tribune.account.User;

/**
 * Logged-in REST Assured sessions for tests of features behind a login. Use inside a {@code @QuarkusTest}:
 *
 * <pre>
 * Sessions.Session alice = Sessions.newUser("alice");          // verified commenter, logged in
 * alice.form().formParam("body", "Hi").post("/articles/x/comments").then().statusCode(303);
 * alice.given().get("/settings").then().statusCode(200);
 * </pre>
 */
public final class Sessions {

    public static final String PASSWORD = "correct horse battery staple";
    public static final String CSRF = "csrf-token";
    public static final String SESSION_COOKIE = "tribune-session";
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    private Sessions() {
    }

    /** A logged-in session: its cookies (session + CSRF) and the CSRF token forms must send. */
    public record Session(String username, Map<String, String> cookies, String csrfToken) {

        /** A request with the session's cookies; redirects are not followed. */
        public RequestSpecification given() {
            return RestAssured.given().redirects().follow(false).cookies(cookies);
        }

        /** A form POST request with the cookies and the CSRF field already set. */
        public RequestSpecification form() {
            return given().contentType(ContentType.URLENC.withCharset("UTF-8")).formParam(CSRF, csrfToken);
        }

        public String sessionCookie() {
            return cookies.get(SESSION_COOKIE);
        }
    }

    /** The CSRF cookie and form token an anonymous visitor gets from a form page such as "/login" or "/signup". */
    public record Csrf(String cookie, String token) {

        public RequestSpecification form() {
            return RestAssured.given().redirects().follow(false).cookie(CSRF, cookie)
                    .contentType(ContentType.URLENC.withCharset("UTF-8")).formParam(CSRF, token);
        }
    }

    public static Csrf csrf(String page) {
        Response r = RestAssured.given().redirects().follow(false).get(page);
        assertEquals(200, r.statusCode(), "GET " + page);
        return new Csrf(r.getCookie(CSRF), csrfToken(r.asString()));
    }

    /** The CSRF token in a page's form. */
    public static String csrfToken(String html) {
        Matcher m = CSRF_FIELD.matcher(html);
        if (!m.find()) {
            throw new AssertionError("No CSRF field in the page");
        }
        return m.group(1);
    }

    /** Creates a verified user ("commenter" plus any extra roles) with this password, in its own transaction. */
    public static User verifiedUser(String username, String password, String... extraRoles) {
        return QuarkusTransaction.requiringNew().call(() -> {
            User u = new User();
            u.username = username;
            u.displayName = "Display " + username;
            u.email = username.toLowerCase() + "@example.test";
            u.passwordHash = BcryptUtil.bcryptHash(password);
            u.emailVerifiedAt = Instant.now();
            u.roles = extraRoles.length == 0 ? "commenter" : "commenter," + String.join(",", extraRoles);
            u.persist();
            return u;
        });
    }

    /** Logs in through the real /login form (username or email) and returns the session. */
    public static Session login(String login, String password) {
        Csrf csrf = csrf("/login");
        Response r = csrf.form().formParam("login", login).formParam("password", password).post("/login");
        assertEquals(303, r.statusCode(), "log-in of " + login + " failed: " + r.asString());
        String session = r.getCookie(SESSION_COOKIE);
        assertNotNull(session, "no session cookie");
        // the log-in answers with a new CSRF token, bound to the new session (the one from /login no longer works)
        String token = r.getCookie(CSRF);
        assertNotNull(token, "no CSRF cookie for the new session");
        Map<String, String> cookies = new HashMap<>();
        cookies.put(CSRF, token);
        cookies.put(SESSION_COOKIE, session);
        return new Session(login, Map.copyOf(cookies), token);
    }

    /** A new verified user, unique name starting with the prefix, with {@link #PASSWORD}, logged in. */
    public static Session newUser(String prefix, String... extraRoles) {
        String username = Fixtures.unique(prefix);
        verifiedUser(username, PASSWORD, extraRoles);
        return login(username, PASSWORD);
    }
}
