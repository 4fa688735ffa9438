package io.tribune.moderation;

import static io.restassured.RestAssured.given;

import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.specification.RequestSpecification;

/**
 * A CSRF token the way a browser gets one: from the login page, then sent as a cookie on every request (the
 * layout's forms need it) and as the form field on POSTs.
 */
final class Csrf {

    private static String token;

    private Csrf() {
    }

    /** Call in {@code @BeforeEach}; pair with {@link #uninstall()} in {@code @AfterEach}. */
    static void install() {
        RestAssured.requestSpecification = null;
        token = given().get("/login").then().extract().cookie("csrf-token");
        if (token == null) {
            throw new AssertionError("/login set no csrf-token cookie");
        }
        RestAssured.requestSpecification = new RequestSpecBuilder().addCookie("csrf-token", token).build();
    }

    static String currentToken() {
        return token;
    }

    static void uninstall() {
        RestAssured.requestSpecification = null;
    }

    /** A form POST with the valid token and redirects not followed. */
    static RequestSpecification form() {
        return given().redirects().follow(false).formParam("csrf-token", token);
    }
}
