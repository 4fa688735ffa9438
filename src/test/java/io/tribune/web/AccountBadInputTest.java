package io.tribune.web;

import static io.tribune.web.PublicBadInputTest.enc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tribune.testsupport.Sessions;

/**
 * Sign-up, log-in, password reset and the settings forms under malformed input, anonymously and as a logged-in
 * commenter. Every request here is built to be refused (a required field missing, a wrong password, a bad token),
 * so none may write a row; refused log-ins and sign-ups only count in {@code rate_limit_event}, which the table
 * fingerprints leave out on purpose.
 */
@QuarkusTest
class AccountBadInputTest extends BadInputSupport {

    static final String GOOD_PASSWORD = "a perfectly fine passphrase";

    @Test
    void signupFields() {
        Sessions.Csrf csrf = Sessions.csrf("/signup");
        attack.batch("signup");
        // acceptPolicy is left out in every case, so whatever else is typed the form must answer 422
        List<String> texts = bad.texts(4);
        for (int i = 0; i < texts.size(); i++) {
            String junk = texts.get(i);
            for (String field : List.of(pick(List.of("username", "email", "password"), i))) {
                Map<String, String> f = new LinkedHashMap<>(Map.of("username", "fuzzy" + Math.abs(junk.hashCode() % 1000),
                        "email", "fuzzy@example.test", "password", GOOD_PASSWORD));
                f.put(field, junk);
                attack.refused("POST /signup " + field + "=" + junk, () -> csrf.form().formParams(f).post("/signup"),
                        400, 413, 422);
            }
        }
        for (String junk : bad.enumJunk(4, "on", "true")) {
            attack.refused("POST /signup acceptPolicy=" + junk + " with a too short password",
                    () -> csrf.form().formParams(Map.of("username", "fuzzyx", "email", "fuzzyx@example.test", "password",
                            "short", "acceptPolicy", junk)).post("/signup"), 400, 413, 422);
        }
        attack.refused("POST /signup username=<2 MB>", () -> csrf.form()
                .formParams(Map.of("username", BadInput.TWO_MB, "email", "a@example.test", "password", GOOD_PASSWORD))
                .post("/signup"), 400, 413, 422);
        for (String body : List.of("", "username=a&username=b&email=x%40example.test&password=" + enc(GOOD_PASSWORD),
                "username=%FF%FE&email=%C3%28&password=%ED%A0%80", "username", "=&=&&&", "username=fuzzy%zz&email=%",
                "csrf-token=forged&username=fuzzyz&email=z%40example.test")) {
            attack.refused("POST /signup raw body " + body, () -> rawForm(csrf, body).post("/signup"), 400, 413, 422);
        }
        for (byte[] invalid : BadInput.INVALID_UTF8_BYTES) {
            attack.refused("POST /signup invalid UTF-8 bytes", () -> postBytes(rawForm(csrf, ""), "/signup",
                    "application/x-www-form-urlencoded; charset=UTF-8",
                    BadInput.concat("csrf-token=" + csrf.token() + "&username=", invalid, "&email=a%40example.test")),
                    400, 413, 422);
        }
        attack.refused("POST /signup honeypot filled", () -> csrf.form().formParams(Map.of("username", "fuzzybot", "email",
                "fuzzybot@example.test", "password", GOOD_PASSWORD, "acceptPolicy", "on", "website", "http://spam.example"))
                .post("/signup"), 200);
        csrfAndContentTypes("/signup", csrf, Map.of("username", "fuzzyc", "email", "fuzzyc@example.test", "password",
                GOOD_PASSWORD, "acceptPolicy", "on"));
    }

    @Test
    void loginAndPasswordReset() {
        Sessions.Csrf csrf = Sessions.csrf("/login");
        attack.batch("login");
        // unknown accounts only: failures for a real account would lock it (rate limit) for the other tests
        for (String junk : bad.texts(3).subList(0, 10)) {
            attack.refused("POST /login login=" + junk, () -> csrf.form().formParams(Map.of("login", "nobody-" + junk,
                    "password", junk, "next", junk)).post("/login"), 400, 401, 413, 429);
        }
        attack.refused("POST /login login=<2 MB>", () -> csrf.form().formParams(Map.of("login", BadInput.TWO_MB,
                "password", "x")).post("/login"), 400, 401, 413, 429);
        for (String body : List.of("", "login=a&login=b&password=x&password=y", "login=%FF&password=%C3%28",
                "login=nobody&next=%2F%2Fevil.example", "login=nobody&password=x&next=javascript%3Aalert(1)")) {
            attack.refused("POST /login raw body " + body, () -> rawForm(csrf, body).post("/login"), 400, 401, 413, 429);
        }
        csrfAndContentTypes("/login", csrf, Map.of("login", "moddy", "password", DEMO_PASSWORD));

        Sessions.Csrf forgot = Sessions.csrf("/password/forgot");
        attack.batch("password forgot");
        // the same answer whether or not the address exists; for junk no token may be written
        for (String junk : bad.texts(2).subList(0, 10)) {
            attack.read("POST /password/forgot email=" + junk, () -> forgot.form().formParam("email", junk)
                    .post("/password/forgot"));
        }
        attack.read("POST /password/forgot email=<2 MB>", () -> forgot.form().formParam("email", BadInput.TWO_MB)
                .post("/password/forgot"));
        csrfAndContentTypes("/password/forgot", forgot, Map.of("email", "nobody@example.test"));

        Sessions.Csrf reset = forgot; // GET /password/reset without a token is an error page; the token is the same
        attack.batch("password reset");
        List<String> resetJunk = bad.texts(2);
        for (int i = 0; i < resetJunk.size(); i++) {
            String junk = resetJunk.get(i);
            attack.refused("POST /password/reset token=" + junk, () -> reset.form().formParams(Map.of("token", junk,
                    "password", GOOD_PASSWORD, "confirm", GOOD_PASSWORD)).post("/password/reset"), 400, 413, 422);
            if (i % 2 == 0) {
                continue;
            }
            attack.refused("POST /password/reset password=" + junk, () -> reset.form().formParams(Map.of("token",
                    "not-a-token", "password", junk, "confirm", junk)).post("/password/reset"), 400, 413, 422);
        }
        csrfAndContentTypes("/password/reset", reset, Map.of("token", "x", "password", GOOD_PASSWORD, "confirm",
                GOOD_PASSWORD));
    }

    @Test
    void settingsForms() {
        Sessions.Session me = commenter();
        attack.batch("settings");
        List<String> settingsJunk = bad.texts(2);
        for (int i = 0; i < settingsJunk.size(); i++) {
            String junk = settingsJunk.get(i);
            // each value on one of the three password-checked forms in turn, always with a wrong password
            switch (i % 3) {
                case 0 -> attack.refused("POST /settings/email email=" + junk + " with a wrong password",
                        () -> postForm(me, "/settings/email", Map.of("email", junk, "password", "wrong password")), 400,
                        401, 403, 413, 422);
                case 1 -> attack.refused("POST /settings/password new=" + junk + " with a wrong current one",
                        () -> postForm(me, "/settings/password", Map.of("currentPassword", junk, "newPassword", junk)),
                        400, 401, 403, 413, 422);
                default -> attack.refused("POST /settings/delete comments=" + junk + " with a wrong password",
                        () -> postForm(me, "/settings/delete", Map.of("password", "wrong " + junk, "comments", junk)),
                        400, 401, 403, 413, 422);
            }
        }
        attack.refused("POST /settings/email valid address, wrong password", () -> postForm(me, "/settings/email",
                Map.of("email", "fresh-address@example.test", "password", "wrong password")), 400, 401, 403, 422);
        attack.refused("POST /settings/profile displayName=<2 MB>", () -> postForm(me, "/settings/profile",
                Map.of("displayName", BadInput.TWO_MB, "bio", "")), 400, 413, 422);
        attack.refused("POST /settings/profile bio=<2 MB>", () -> postForm(me, "/settings/profile",
                Map.of("displayName", "Fuzz", "bio", BadInput.TWO_MB)), 400, 413, 422);
        for (String path : List.of("/settings/profile", "/settings/email", "/settings/password", "/settings/notifications",
                "/settings/verification", "/settings/delete")) {
            formRefusals(me, path, Map.of("displayName", "Changed", "password", Sessions.PASSWORD, "currentPassword",
                    Sessions.PASSWORD, "newPassword", "another fine passphrase", "email", "changed@example.test"));
            attack.refused("POST " + path + " anonymously", () -> anonymous().contentType(ContentType.URLENC)
                    .formParam("displayName", "x").post(path), 400, 401, 403);
        }
        Sessions.Session[] holder = new Sessions.Session[1];
        attack.outside(() -> holder[0] = Sessions.newUser("fuzzout"));
        Sessions.Session leaving = holder[0];
        formRefusals(leaving, "/logout", Map.of());
        attack.batch("settings after a refused log-out");
        attack.read("GET /settings after refused log-outs", () -> leaving.given().get("/settings"))
                .then().statusCode(200);
        // free text may be accepted as typed; it must never be a server error
        List<String> names = bad.texts(2);
        for (int i = 0; i < names.size(); i += 2) {
            String junk = names.get(i);
            attack.tolerated("POST /settings/profile displayName=" + junk, () -> postForm(me, "/settings/profile",
                    Map.of("displayName", junk, "bio", junk)));
        }
        for (String junk : bad.enumJunk(3, "on")) {
            attack.tolerated("POST /settings/notifications notifyReplies=" + junk,
                    () -> postForm(me, "/settings/notifications", Map.of("notifyReplies", junk, "notifyModeration", junk)));
        }
        for (byte[] invalid : BadInput.INVALID_UTF8_BYTES) {
            attack.tolerated("POST /settings/profile invalid UTF-8 bytes", () -> postBytes(me.given(), "/settings/profile",
                    "application/x-www-form-urlencoded; charset=UTF-8",
                    BadInput.concat("csrf-token=" + me.csrfToken() + "&displayName=", invalid, "&bio=")));
        }
        attack.batch("settings reads");
        for (String path : List.of("/settings?done=%FF", "/settings?done=" + "x".repeat(3000), "/settings/export?x=%C3%28",
                "/settings/moderation?page=-1", "/settings/deleted?x=1")) {
            attack.read("GET " + path, () -> raw(me.given()).get(path));
        }
    }

    /** A form posted without the CSRF field, with a forged one, as JSON, as multipart and as plain text. */
    private void csrfAndContentTypes(String path, Sessions.Csrf csrf, Map<String, String> fields) {
        attack.refused("POST " + path + " without CSRF field", () -> anonymous().cookie(Sessions.CSRF, csrf.cookie())
                .contentType(ContentType.URLENC).formParams(fields).post(path), 400, 403);
        attack.refused("POST " + path + " with a forged CSRF field", () -> anonymous().cookie(Sessions.CSRF, csrf.cookie())
                .contentType(ContentType.URLENC).formParams(fields).formParam(Sessions.CSRF, "forged").post(path), 400, 403);
        attack.refused("POST " + path + " without the CSRF cookie", () -> anonymous().contentType(ContentType.URLENC)
                .formParams(fields).formParam(Sessions.CSRF, csrf.token()).post(path), 400, 403);
        attack.refused("POST " + path + " as JSON", () -> anonymous().cookie(Sessions.CSRF, csrf.cookie())
                .header("X-CSRF-TOKEN", csrf.token()).contentType(ContentType.JSON).body(fields).post(path), 400, 403, 415);
        attack.refused("POST " + path + " as text", () -> anonymous().cookie(Sessions.CSRF, csrf.cookie())
                .contentType(ContentType.TEXT).body("login=moddy").post(path), 400, 403, 415);
        attack.refused("POST " + path + " with no body", () -> anonymous().cookie(Sessions.CSRF, csrf.cookie()).post(path),
                400, 403, 415);
    }

    /** A hand-written form body (already encoded) with the anonymous visitor's CSRF cookie and field. */
    private static io.restassured.specification.RequestSpecification rawForm(Sessions.Csrf csrf, String body) {
        return anonymous().cookie(Sessions.CSRF, csrf.cookie()).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .body("csrf-token=" + csrf.token() + (body.isEmpty() ? "" : "&" + body));
    }

    /** The same for a logged-in user's form. */
    static void formRefusals(Attack attack, Sessions.Session s, String path, Map<String, String> fields) {
        attack.refused("POST " + path + " without CSRF field as " + s.username(), () -> s.given()
                .contentType(ContentType.URLENC).formParams(fields).post(path), 400, 403);
        attack.refused("POST " + path + " with a forged CSRF field as " + s.username(), () -> s.given()
                .contentType(ContentType.URLENC).formParams(fields).formParam(Sessions.CSRF, "forged").post(path), 400, 403);
        attack.refused("POST " + path + " with two CSRF fields, one forged, as " + s.username(), () -> s.given()
                .contentType(ContentType.URLENC).body("csrf-token=forged&csrf-token=" + s.csrfToken()).post(path), 400, 403);
        // JSON with a valid X-CSRF-TOKEN header is how htmx posts, so it is only refused without the header
        attack.refused("POST " + path + " as JSON without X-CSRF-TOKEN as " + s.username(), () -> s.given()
                .contentType(ContentType.JSON).body(fields).post(path), 400, 403, 415);
        attack.refused("POST " + path + " as multipart without CSRF as " + s.username(), () -> s.given()
                .multiPart("x", "y").post(path), 400, 403, 415);
    }

    private void formRefusals(Sessions.Session s, String path, Map<String, String> fields) {
        formRefusals(attack, s, path, fields);
    }
}
