package io.tribune.moderation;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.tribune.account.User;
import io.tribune.account.UserStatus;
import io.tribune.comment.Comment;
import io.tribune.testsupport.Fixtures;
import io.tribune.testsupport.Sessions;
import jakarta.inject.Inject;

/**
 * Every /admin and /api/admin route, called as each kind of user. Routes are discovered from the OpenAPI document
 * (which lists every Quarkus REST endpoint, HTML pages included); a route missing from the table fails the test by
 * name, so a new admin route cannot ship without declaring who may use it.
 */
@QuarkusTest
class AdminAuthorizationTest {

    /** Who may use a route. Everyone else gets 401 (anonymous) or 403. */
    enum Access {
        /** role moderator or admin, with an ACTIVE account */
        MODERATION,
        /** role admin only */
        ADMIN,
        /** role editor or admin (editorial routes) */
        EDITORIAL,
        /** role moderator, editor or admin, with an ACTIVE account (featuring comments) */
        STAFF
    }

    record Route(String method, String path, Access access) {
        String key() {
            return method + " " + path;
        }
    }

    /** Moderation's routes. */
    static final List<Route> MODERATION_ROUTES = List.of(
            new Route("GET", "/admin", Access.MODERATION),
            new Route("GET", "/admin/queues/{name}", Access.MODERATION),
            new Route("POST", "/admin/queues/{name}/bulk", Access.MODERATION),
            new Route("POST", "/admin/comments/{id}/decision", Access.MODERATION),
            new Route("POST", "/admin/threads/{slug}", Access.MODERATION),
            new Route("POST", "/admin/threads/{slug}/slow-mode", Access.MODERATION),
            new Route("POST", "/admin/comments/{id}/feature", Access.STAFF),
            new Route("POST", "/admin/comments/{id}/unfeature", Access.STAFF),
            new Route("GET", "/admin/users", Access.MODERATION),
            new Route("GET", "/admin/users/{username}", Access.MODERATION),
            new Route("POST", "/admin/users/{username}/suspend", Access.MODERATION),
            new Route("POST", "/admin/users/{username}/deregister", Access.MODERATION),
            new Route("POST", "/admin/users/{username}/reinstate", Access.ADMIN),
            new Route("POST", "/admin/users/{username}/always-hold", Access.MODERATION),
            new Route("POST", "/admin/users/{username}/notes", Access.MODERATION),
            new Route("POST", "/admin/users/{username}/roles", Access.ADMIN),
            new Route("GET", "/admin/words", Access.MODERATION),
            new Route("POST", "/admin/words", Access.MODERATION),
            new Route("POST", "/admin/words/{id}/delete", Access.MODERATION),
            new Route("GET", "/admin/log", Access.MODERATION),
            new Route("GET", "/admin/log/export.csv", Access.ADMIN),
            new Route("GET", "/admin/queues/appeals", Access.MODERATION),
            new Route("POST", "/admin/queues/appeals/{id}", Access.MODERATION),
            new Route("GET", "/api/admin/queues/{name}", Access.MODERATION),
            new Route("POST", "/api/admin/comments/{id}/approve", Access.MODERATION),
            new Route("POST", "/api/admin/comments/{id}/remove", Access.MODERATION),
            new Route("POST", "/api/admin/comments/{id}/restore", Access.MODERATION),
            new Route("POST", "/api/admin/users/{username}/suspend", Access.MODERATION),
            new Route("POST", "/api/admin/users/{username}/deregister", Access.MODERATION),
            new Route("POST", "/api/admin/users/{username}/reinstate", Access.ADMIN),
            // the mail outbox (io.tribune.notification.outbox)
            new Route("GET", "/admin/mail", Access.ADMIN),
            new Route("POST", "/admin/mail/{id}/retry", Access.ADMIN));

    /**
     * Editorial routes (/admin/articles* for editors and admins, /admin/sections* for admins): declare new ones here.
     */
    static final List<Route> EDITORIAL_ROUTES = List.of(
            new Route("GET", "/admin/articles", Access.EDITORIAL),
            new Route("GET", "/admin/articles/new", Access.EDITORIAL),
            new Route("POST", "/admin/articles/new", Access.EDITORIAL),
            new Route("GET", "/admin/articles/{id}", Access.EDITORIAL),
            new Route("POST", "/admin/articles/{id}", Access.EDITORIAL),
            new Route("POST", "/admin/articles/{id}/hero", Access.EDITORIAL),
            new Route("POST", "/admin/articles/{id}/publish", Access.EDITORIAL),
            new Route("POST", "/admin/articles/{id}/unpublish", Access.EDITORIAL),
            new Route("POST", "/admin/articles/{id}/updates", Access.EDITORIAL),
            new Route("POST", "/admin/articles/{id}/revisions/{revision}/restore", Access.EDITORIAL),
            new Route("GET", "/admin/sections", Access.ADMIN),
            new Route("POST", "/admin/sections", Access.ADMIN),
            new Route("POST", "/admin/sections/{id}", Access.ADMIN),
            new Route("GET", "/admin/supporters", Access.ADMIN),
            new Route("POST", "/admin/supporters", Access.ADMIN),
            new Route("POST", "/admin/supporters/end", Access.ADMIN),
            // imports from WordPress and Disqus (io.tribune.importer)
            new Route("GET", "/admin/import", Access.ADMIN),
            new Route("POST", "/admin/import", Access.ADMIN));

    static final String COMMENTER = "authz-commenter";
    static final String SUSPENDED = "authz-suspended";
    static final String DEREGISTERED = "authz-deregistered";
    static final String MODERATOR = "authz-moderator";
    static final String EDITOR = "authz-editor";
    static final String ADMIN = "authz-admin";

    @Inject
    ModerationFixtures mf;
    @Inject
    Fixtures fixtures;

    User target;
    Comment comment;

    @BeforeEach
    void setUp() {
        mf.account(COMMENTER, "commenter", UserStatus.ACTIVE);
        // suspended and de-registered accounts keep a moderator role: the account status alone must shut them out
        mf.account(SUSPENDED, "commenter,moderator", UserStatus.SUSPENDED);
        mf.account(DEREGISTERED, "commenter,moderator", UserStatus.DEREGISTERED);
        mf.account(MODERATOR, "commenter,moderator", UserStatus.ACTIVE);
        mf.account(EDITOR, "commenter,editor", UserStatus.ACTIVE);
        mf.account(ADMIN, "commenter,admin", UserStatus.ACTIVE);
        target = mf.account("authz-target", "commenter", UserStatus.ACTIVE);
        comment = fixtures.comment(fixtures.article("Authorization"), null, target, "Target comment");
        Csrf.install();
    }

    @AfterEach
    void tearDown() {
        Csrf.uninstall();
    }

    @Test
    void everyAdminRouteIsDeclared() {
        Set<String> discovered = discover();
        Set<String> declared = new TreeSet<>();
        MODERATION_ROUTES.forEach(r -> declared.add(r.key()));
        EDITORIAL_ROUTES.forEach(r -> declared.add(r.key()));
        Set<String> undeclared = new TreeSet<>(discovered);
        undeclared.removeAll(declared);
        if (!undeclared.isEmpty()) {
            fail("Admin routes missing from AdminAuthorizationTest (declare who may use them): " + undeclared);
        }
        Set<String> stale = new TreeSet<>(declared);
        stale.removeAll(discovered);
        if (!stale.isEmpty()) {
            fail("Declared in AdminAuthorizationTest but not served: " + stale);
        }
    }

    @Test
    void anonymous() {
        check(null, Set.of());
    }

    @Test
    @TestSecurity(user = COMMENTER, roles = "commenter")
    void commenter() {
        check("commenter", Set.of());
    }

    @Test
    @TestSecurity(user = SUSPENDED, roles = { "commenter", "moderator" })
    void suspended() {
        check("suspended", Set.of());
    }

    @Test
    @TestSecurity(user = DEREGISTERED, roles = { "commenter", "moderator" })
    void deregistered() {
        check("deregistered", Set.of());
    }

    @Test
    @TestSecurity(user = MODERATOR, roles = { "commenter", "moderator" })
    void moderator() {
        check("moderator", Set.of(Access.MODERATION, Access.STAFF));
    }

    @Test
    @TestSecurity(user = EDITOR, roles = { "commenter", "editor" })
    void editor() {
        check("editor", Set.of(Access.EDITORIAL, Access.STAFF));
    }

    @Test
    @TestSecurity(user = ADMIN, roles = { "commenter", "admin" })
    void admin() {
        check("admin", Set.of(Access.MODERATION, Access.ADMIN, Access.EDITORIAL, Access.STAFF));
    }

    /**
     * Real sessions, logged in through /login while the account was active and still valid afterwards: unlike
     * {@code @TestSecurity}, their roles come from the session check, which must take every role from a suspended or
     * de-registered account (issue 19: a suspended editor could still publish).
     */
    @Test
    void suspendedAndDeregisteredStaffSessionsHoldNoRole() {
        Csrf.uninstall(); // these requests carry their own session's cookies and token
        for (String role : List.of("moderator", "editor", "admin")) {
            for (UserStatus status : List.of(UserStatus.SUSPENDED, UserStatus.DEREGISTERED)) {
                Sessions.Session session = Sessions.newUser("authz-" + role.charAt(0) + status.name().charAt(0), role);
                Route home = role.equals("editor") ? EDITORIAL_ROUTES.get(0) : MODERATION_ROUTES.get(0);
                assertEquals(200, call(home, session).statusCode(), "the active " + role + " uses " + home.key());
                mf.account(session.username(), "commenter," + role, status);
                check(status.name().toLowerCase() + " " + role, Set.of(), session);
            }
        }
    }

    /** Calls every declared route; {@code allowed} are the kinds of route this caller may use. */
    private void check(String who, Set<Access> allowed) {
        check(who, allowed, null);
    }

    private void check(String who, Set<Access> allowed, Sessions.Session session) {
        List<String> wrong = new ArrayList<>();
        List<Route> all = new ArrayList<>(MODERATION_ROUTES);
        all.addAll(EDITORIAL_ROUTES);
        for (Route route : all) {
            int status = call(route, session).statusCode();
            boolean mayUse = allowed.contains(route.access());
            String expected;
            boolean ok;
            if (mayUse) {
                expected = "not 401/403/5xx";
                ok = status != 401 && status != 403 && status < 500;
            } else if (who == null) {
                expected = "401 or a redirect to /login";
                ok = status == 401 || status == 302;
            } else {
                expected = "403";
                ok = status == 403;
            }
            if (!ok) {
                wrong.add(route.key() + " as " + (who == null ? "anonymous" : who) + ": got " + status + ", expected " + expected);
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    /**
     * GETs use real values so an allowed caller gets the page; POSTs aim at a missing user or comment, or carry no
     * input, so an allowed caller gets a 4xx or a redirect without changing anything.
     */
    private Response call(Route route, Sessions.Session session) {
        boolean get = route.method().equals("GET");
        Map<String, String> params = get
                ? Map.of("name", "reported", "id", comment.id.toString(), "username", target.username)
                : Map.of("name", "reported", "id", "0", "username", "no-such-user-authz");
        String path = fill(route.path(), params);
        RequestSpecification request = session == null ? given().redirects().follow(false) : session.given();
        String token = session == null ? Csrf.currentToken() : session.csrfToken();
        if (get) {
            return request.get(path);
        }
        if (path.startsWith("/api/")) {
            return request.header("X-CSRF-TOKEN", token).contentType(ContentType.JSON).body("{}").post(path);
        }
        if (MULTIPART.contains(route.path())) {
            return request.multiPart("csrf-token", token).post(path);
        }
        return request.formParam("csrf-token", token).post(path);
    }

    /** Form routes that take multipart/form-data (file uploads). */
    static final Set<String> MULTIPART = Set.of("/admin/articles/{id}/hero", "/admin/import");

    private static String fill(String template, Map<String, String> params) {
        Matcher m = Pattern.compile("\\{(\\w+)}").matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, params.getOrDefault(m.group(1), "1"));
        }
        m.appendTail(out);
        return out.toString();
    }

    @SuppressWarnings("unchecked")
    private static Set<String> discover() {
        Map<String, Map<String, Object>> paths = given().accept(ContentType.JSON).get("/q/openapi?format=json")
                .then().statusCode(200).extract().jsonPath().getMap("paths");
        Set<String> routes = new TreeSet<>();
        paths.forEach((path, operations) -> {
            if (path.equals("/admin") || path.startsWith("/admin/") || path.startsWith("/api/admin/")) {
                operations.keySet().stream()
                        .filter(op -> Set.of("get", "post", "put", "patch", "delete").contains(op))
                        .forEach(op -> routes.add(op.toUpperCase() + " " + path));
            }
        });
        return routes;
    }
}
