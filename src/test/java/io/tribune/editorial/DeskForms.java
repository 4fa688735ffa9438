package io.tribune.editorial;

import static io.restassured.RestAssured.given;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Fetches a desk page for its CSRF cookie and hidden field, and sends forms with both. */
final class DeskForms {

    private static final Pattern FIELD = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    final String cookie;
    final String token;

    private DeskForms(String cookie, String token) {
        this.cookie = cookie;
        this.token = token;
    }

    static DeskForms open(String page) {
        Response r = given().get(page);
        if (r.statusCode() != 200) {
            throw new AssertionError("GET " + page + " gave " + r.statusCode());
        }
        Matcher m = FIELD.matcher(r.asString());
        if (!m.find()) {
            throw new AssertionError("no CSRF field on " + page);
        }
        String cookie = r.getCookie("csrf-token");
        return new DeskForms(cookie == null ? m.group(1) : cookie, m.group(1));
    }

    /**
     * A GET as the logged-in test user. It carries the token cookie, as a real logged-in browser does: the layout's
     * log-out form needs it on every page.
     */
    RequestSpecification page() {
        return given().redirects().follow(false).cookie("csrf-token", cookie);
    }

    /** A form POST with the token, redirects not followed. */
    RequestSpecification form() {
        return given().redirects().follow(false).cookie("csrf-token", cookie).contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", token);
    }

    RequestSpecification multipart() {
        return given().redirects().follow(false).cookie("csrf-token", cookie).multiPart("csrf-token", token);
    }

    static long idFrom(Response redirect) {
        String location = redirect.header("Location");
        Matcher m = Pattern.compile("/admin/articles/(\\d+)").matcher(location == null ? "" : location);
        if (!m.find()) {
            throw new AssertionError("no article id in " + location);
        }
        return Long.parseLong(m.group(1));
    }
}
