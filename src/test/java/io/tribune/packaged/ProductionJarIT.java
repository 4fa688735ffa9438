package io.tribune.packaged;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The packaged jar ({@code target/quarkus-app/quarkus-run.jar}) in the prod profile, started by
 * {@code ./mvnw verify} (failsafe) against a real PostgreSQL with the settings an operator gives it.
 */
@QuarkusIntegrationTest
@WithTestResource(ProductionSetup.class)
class ProductionJarIT {

    static final String SESSION = "tribune-session";
    static final String CSRF = "csrf-token";
    static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    @Test
    void healthEndpointsSayUp() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.status", hasItem("UP"));
        given().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests"));
    }

    @Test
    void anonymousHomePageHasNoCookieAndSendsHsts() {
        given().get("/").then().statusCode(200)
                .header("Set-Cookie", nullValue())
                .header("Strict-Transport-Security", equalTo("max-age=31536000; includeSubDomains"))
                .header("Content-Security-Policy", containsString("default-src 'self'"))
                .body(containsString("<h1 class=\"page-title\">Latest</h1>"));
    }

    @Test
    void theDemoIsOffInProduction() {
        given().get("/articles/linkedin-trains-ai-on-members-data-by-default").then().statusCode(404);
        new Browser().submit("/login", "/login", Map.of("login", "moddy", "password", "tribune-demo-password"))
                .then().statusCode(401);
    }

    @Test
    void theAdminPublishesAnArticleThatReadersSeeWithoutACookie() {
        Browser admin = new Browser();
        Response login = admin.logIn(ProductionSetup.ADMIN, ProductionSetup.ADMIN_PASSWORD);
        String sessionCookie = setCookie(login, SESSION);
        assertNotNull(sessionCookie, "the log-in sets the session cookie");
        String flags = sessionCookie.toLowerCase(Locale.ROOT);
        assertTrue(flags.contains("; secure"), sessionCookie);
        assertTrue(flags.contains("; httponly"), sessionCookie);
        assertTrue(flags.contains("; samesite=lax"), sessionCookie);

        admin.get("/admin").then().statusCode(200).header("Strict-Transport-Security", notNullValue());

        admin.submit("/admin/sections", "/admin/sections", Map.of("name", "Releases", "slug", "releases"))
                .then().statusCode(303);
        String desk = admin.page("/admin/articles/new");
        Matcher section = Pattern.compile("<option value=\"(\\d+)\"[^>]*>Releases</option>").matcher(desk);
        assertTrue(section.find(), "the new section is offered at the desk");
        Response created = admin.submit("/admin/articles/new", "/admin/articles/new", Map.of(
                "headline", "Tribune goes to production", "sectionId", section.group(1),
                "standfirst", "The packaged jar, tested.", "body", "It **works**.", "commentsOpen", "on",
                "action", "save"));
        assertEquals(303, created.statusCode(), created.asString());
        Matcher id = Pattern.compile("/admin/articles/(\\d+)").matcher(created.header("Location"));
        assertTrue(id.find(), created.header("Location"));
        String edit = "/admin/articles/" + id.group(1);
        admin.submit(edit, edit + "/publish", Map.of("action", "now")).then().statusCode(303);

        // the instance forgets its cached home page when the publishing transaction ends; allow for a notice's delay
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/").then()
                .body(containsString("Tribune goes to production")));
        String home = given().get("/").then().statusCode(200).header("Set-Cookie", nullValue())
                .body(containsString("Tribune goes to production")).extract().asString();
        Matcher slug = Pattern.compile("href=\"/articles/([a-z0-9-]+)\">Tribune goes to production").matcher(home);
        assertTrue(slug.find(), "the home page links the article");
        given().get("/articles/" + slug.group(1)).then().statusCode(200).header("Set-Cookie", nullValue())
                .body(containsString("Tribune goes to production"))
                .body(containsString("<strong>works</strong>"));
        given().get("/sections/releases").then().statusCode(200).body(containsString("Tribune goes to production"));

        admin.submit("/", "/logout", Map.of()).then().statusCode(303);
        Response afterLogout = admin.get("/admin");
        assertNotEquals(200, afterLogout.statusCode(), "the old session cookie no longer opens /admin");
        admin.get("/").then().statusCode(200).body(not(containsString("href=\"/admin\"")));
    }

    /** The session's cookies as a browser keeps them (REST Assured would not send a Secure cookie over http). */
    static final class Browser {
        final Map<String, String> cookies = new HashMap<>();

        Response logIn(String login, String password) {
            String form = page("/login");
            Response r = request().contentType(ContentType.URLENC).formParam(CSRF, token(form))
                    .formParam("login", login).formParam("password", password).post("/login");
            assertEquals(303, r.statusCode(), "log-in: " + r.asString());
            keep(r);
            return r;
        }

        Response get(String path) {
            Response r = request().get(path);
            keep(r);
            return r;
        }

        String page(String path) {
            Response r = get(path);
            assertEquals(200, r.statusCode(), "GET " + path);
            return r.asString();
        }

        /** Opens the page that holds the form (for its CSRF token), then posts the form. */
        Response submit(String formPage, String action, Map<String, String> fields) {
            String token = token(page(formPage));
            Response r = request().contentType(ContentType.URLENC).formParam(CSRF, token).formParams(fields).post(action);
            keep(r);
            return r;
        }

        private RequestSpecification request() {
            return given().redirects().follow(false).cookies(cookies);
        }

        private void keep(Response r) {
            for (String header : r.headers().getValues("Set-Cookie")) {
                String pair = header.split(";", 2)[0];
                int eq = pair.indexOf('=');
                String name = pair.substring(0, eq).trim();
                String value = pair.substring(eq + 1).trim();
                if (value.isEmpty() || header.toLowerCase(Locale.ROOT).contains("max-age=0")) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
        }

        private static String token(String html) {
            Matcher m = CSRF_FIELD.matcher(html);
            assertTrue(m.find(), "a CSRF field in the page");
            return m.group(1);
        }
    }

    private static String setCookie(Response r, String name) {
        List<String> headers = r.headers().getValues("Set-Cookie");
        return headers.stream().filter(h -> h.startsWith(name + "=")).findFirst().orElse(null);
    }
}
