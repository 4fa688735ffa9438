package io.tribune.editorial;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;

/** The desk is for editors and admins; sections are for admins; nobody else gets in, not even to post. */
@QuarkusTest
class DeskAuthorizationTest {

    static final String[] DESK = { "/admin/articles", "/admin/articles/new", "/admin/articles/1" };

    @Inject
    EditorialFixtures fixtures;

    @BeforeEach
    void users() {
        fixtures.user("authz-commenter", "commenter");
        fixtures.user("authz-moderator", "commenter,moderator");
        fixtures.user("authz-editor", "commenter,editor");
        fixtures.user("authz-admin", "commenter,admin");
    }

    @Test
    void anonymousReadersAreSentAway() {
        for (String path : DESK) {
            given().redirects().follow(false).get(path).then().statusCode(anyOf(is(401), is(302), is(303)));
        }
        given().redirects().follow(false).get("/admin/sections").then().statusCode(anyOf(is(401), is(302), is(303)));
    }

    @Test
    @TestSecurity(user = "authz-commenter", roles = { "commenter" })
    void commentersAreForbidden() {
        forbiddenEverywhere();
    }

    @Test
    @TestSecurity(user = "authz-moderator", roles = { "commenter", "moderator" })
    void moderatorsAreForbidden() {
        forbiddenEverywhere();
    }

    @Test
    @TestSecurity(user = "authz-editor", roles = { "commenter", "editor" })
    void editorsUseTheDeskButNotSections() {
        given().get("/admin/articles").then().statusCode(200);
        given().get("/admin/articles/new").then().statusCode(200);
        given().get("/admin/sections").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "authz-admin", roles = { "commenter", "admin" })
    void adminsUseBoth() {
        given().get("/admin/articles").then().statusCode(200);
        given().get("/admin/sections").then().statusCode(200);
    }

    private static void forbiddenEverywhere() {
        for (String path : DESK) {
            given().redirects().follow(false).get(path).then().statusCode(403);
        }
        given().get("/admin/sections").then().statusCode(403);
        // a forged post with a valid token pair is still refused by role
        given().redirects().follow(false).cookie("csrf-token", "AAAAAAAAAAAAAAAAAAAAAA")
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", "AAAAAAAAAAAAAAAAAAAAAA")
                .post("/admin/articles/1/unpublish").then().statusCode(403);
    }
}
