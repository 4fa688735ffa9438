package io.tribune.testsupport;

import static io.restassured.RestAssured.given;

/**
 * A CSRF token as a browser gets one: the {@code csrf-token} cookie set by a page that shows a form. The form field
 * (or {@code X-CSRF-TOKEN} header) carries the same value as the cookie. The token is bound to who asks: one taken
 * anonymously only works for anonymous requests (and one taken under {@code @TestSecurity} for that test user).
 */
public final class Csrf {

    public static final String COOKIE = "csrf-token";

    private Csrf() {
    }

    public static String token() {
        String token = given().get("/login").then().extract().cookie(COOKIE);
        if (token == null) {
            throw new IllegalStateException("/login set no csrf-token cookie");
        }
        return token;
    }
}
