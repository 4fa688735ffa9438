package io.tribune.web;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.tribune.article.Article;
import io.tribune.testsupport.Sessions;

/**
 * Reader pages, feeds, search and the JSON read API under malformed parameters, for an anonymous reader and a
 * logged-in commenter: never a 5xx, errors in the site's page (or JSON under /api/), nothing written.
 */
@QuarkusTest
class PublicBadInputTest extends BadInputSupport {

    Article article;

    @BeforeEach
    void article() {
        article = fixtures.article("Bad input reader " + System.nanoTime());
    }

    private List<Sessions.Session> readers() {
        return Arrays.asList(null, commenter());
    }

    @Test
    void pagingAndSortingParameters() {
        List<String> pages = List.of("/", "/sections/news", "/search", "/authors/" + authorSlug(), "/api/articles",
                "/articles/" + article.slug, "/api/articles/" + article.slug + "/comments");
        List<String> ids = bad.ids(4);
        for (int i = 0; i < ids.size(); i++) {
            String q = enc(ids.get(i));
            String path = pick(pages, i); // every value on one of the paged routes, as a reader in turn
            Sessions.Session s = pick(readers(), i / pages.size());
            attack.read("GET " + path + "?page=" + q + " as " + who(s), () -> raw(given(s)).get(path + "?page=" + q));
        }
        List<String> sorts = bad.enumJunk(3, "oldest", "newest", "top", "featured");
        for (int i = 0; i < sorts.size(); i++) {
            String q = enc(sorts.get(i));
            String path = i % 2 == 0 ? "/articles/" + article.slug : "/api/articles/" + article.slug + "/comments";
            Sessions.Session s = pick(readers(), i / 2);
            attack.read("GET " + path + "?sort=" + q + " as " + who(s), () -> raw(given(s)).get(path + "?sort=" + q));
        }
        // the whole-thread page (issue 15): any id, as every kind of reader
        List<String> threadIds = bad.ids(2);
        for (int i = 0; i < threadIds.size(); i++) {
            String q = enc(threadIds.get(i));
            Sessions.Session s = pick(readers(), i);
            attack.read("GET /articles/x?thread=" + q + " as " + who(s),
                    () -> raw(given(s)).get("/articles/" + article.slug + "?thread=" + q));
        }
        List<String> dups = List.of("page=1&page=2", "page=2&page=abc", "sort=top&sort=junk", "sort=&page=", "page[]=1",
                "page=1%00", "sort=top%26page%3D2", "thread=1&thread=abc", "thread=&sort=featured", "thread=1%00");
        for (int i = 0; i < dups.size(); i++) {
            String dup = dups.get(i);
            for (String path : List.of("/articles/" + article.slug, "/api/articles/" + article.slug + "/comments")) {
                Sessions.Session s = pick(readers(), i);
                attack.read("GET " + path + "?" + dup + " as " + who(s), () -> raw(given(s)).get(path + "?" + dup));
            }
        }
    }

    @Test
    void slugsAndIdsInPaths() {
        List<String> routes = List.of("/articles/%s", "/sections/%s", "/authors/%s", "/users/%s", "/api/articles/%s",
                "/feeds/sections/%s.atom", "/feeds/articles/%s/comments.atom", "/api/articles/%s/comments",
                "/articles/%s/live");
        List<String> slugs = bad.slugs(4);
        for (int i = 0; i < slugs.size(); i++) {
            for (int k = 0; k < 2; k++) { // every slug on two routes; every route gets every kind of slug in turn
                String full = String.format(pick(routes, 2 * i + k), slugs.get(i));
                Sessions.Session s = pick(readers(), i + k);
                attack.read("GET " + full + " as " + who(s), () -> raw(given(s)).get(full));
            }
        }
        List<String> idRoutes = List.of("/comments/%s", "/images/%s", "/comments/%s/reply", "/comments/%s/report");
        List<String> ids = bad.ids(4);
        for (int i = 0; i < ids.size(); i++) {
            String path = String.format(pick(idRoutes, i), enc(ids.get(i)));
            Sessions.Session s = pick(readers(), i / 4);
            attack.read("GET " + path + " as " + who(s), () -> raw(given(s)).get(path));
        }
    }

    @Test
    void searchQueries() {
        List<String> queries = new java.util.ArrayList<>(bad.texts(6));
        queries.addAll(List.of("\"", "\"unclosed phrase", "-", "--", "or", "or or", "!", "&", "|", "<->", "a:*", "(", "\\",
                "'", ":*", "&&&", "!!!", "foo <-> bar", "-\"\""));
        for (int i = 0; i < queries.size(); i++) {
            String e = enc(queries.get(i));
            Sessions.Session s = pick(readers(), i);
            attack.read("GET /search?q=" + e + " as " + who(s), () -> raw(given(s)).get("/search?q=" + e));
        }
        for (int i = 0; i < BadInput.INVALID_UTF8_ENCODED.size(); i++) {
            String invalid = BadInput.INVALID_UTF8_ENCODED.get(i);
            Sessions.Session s = pick(readers(), i);
            attack.read("GET /search?q=" + invalid + " as " + who(s), () -> raw(given(s)).get("/search?q=" + invalid));
            attack.read("GET /articles/x?sort=" + invalid + " as " + who(s),
                    () -> raw(given(s)).get("/articles/" + article.slug + "?sort=" + invalid));
        }
        attack.read("GET /search?q=<8000 chars>", () -> anonymous().queryParam("q", "x".repeat(8_000)).get("/search"));
    }

    @Test
    void tokensRedirectsAndConditionalHeaders() {
        List<String> tokens = bad.texts(3);
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            String e = enc(token);
            String header = token.replaceAll("[\\x00-\\x1f\\x7f]", ""); // a header value cannot carry control characters
            switch (i % 5) { // each value on one of the five token or redirect inputs in turn
                case 0 -> attack.read("GET /verify?token=" + e, () -> raw(anonymous()).get("/verify?token=" + e));
                case 1 -> attack.read("GET /password/reset?token=" + e, () -> raw(anonymous()).get("/password/reset?token=" + e));
                case 2 -> attack.read("GET /login?next=" + e, () -> raw(anonymous()).get("/login?next=" + e));
                case 3 -> attack.read("GET /login with Referer " + e, () -> anonymous().header("Referer", header).get("/login"));
                default -> attack.read("GET /images/1 with If-None-Match " + e,
                        () -> anonymous().header("If-None-Match", header).get("/images/1"));
            }
        }
        for (String invalid : BadInput.INVALID_UTF8_ENCODED) {
            attack.read("GET /verify?token=" + invalid, () -> raw(anonymous()).get("/verify?token=" + invalid));
            attack.read("GET /login?next=%2F" + invalid, () -> raw(anonymous()).get("/login?next=%2F" + invalid));
        }
        for (String path : List.of("/feeds/articles.atom", "/sitemap.xml", "/robots.txt", "/policy", "/signup",
                "/password/forgot")) {
            attack.read("GET " + path + "?page=-1&x=%FF", () -> raw(anonymous()).get(path + "?page=-1&x=%FF"));
        }
    }

    @Test
    void wrongMethodsOnReadOnlyRoutes() {
        List<String> paths = List.of("/", "/articles/" + article.slug, "/search", "/feeds/articles.atom", "/sitemap.xml",
                "/api/articles", "/api/articles/" + article.slug, "/policy", "/users/moddy");
        List<String> methods = List.of("POST", "PUT", "PATCH", "DELETE");
        for (int i = 0; i < paths.size() * 2; i++) {
            String path = pick(paths, i);
            String method = pick(methods, i);
            Sessions.Session s = pick(readers(), i);
            attack.refused(method + " " + path + " as " + who(s), () -> given(s).request(method, path), 400, 403, 404, 405,
                    415);
        }
    }

    /**
     * A malformed Accept header on every GET route the OpenAPI document lists (pages, feeds and the API), as an
     * anonymous reader, a commenter and the admin: 400 in the site's page (JSON under /api/), never a 500; also on an
     * article page that readers without an account are served from memory.
     */
    @Test
    void malformedAcceptHeadersOnEveryRoute() {
        attack.outside(() -> {
            comment = fixtures.comment(article, null, fixtures.user(io.tribune.testsupport.Fixtures.unique("acceptor")),
                    "A comment to reply to");
            anonymous().get("/articles/" + article.slug).then().statusCode(200); // now kept in memory for readers
        });
        List<Sessions.Session> who = Arrays.asList(null, commenter(), session(ADMIN));
        int i = 0;
        for (String route : getRoutes()) {
            String path = concrete(route);
            for (Sessions.Session s : who) {
                String accept = pick(BadInput.MALFORMED_ACCEPT, i++);
                attack.refused("GET " + path + " with Accept: " + accept + " as " + who(s),
                        () -> given(s).header("Accept", accept).get(path), 400);
            }
        }
        for (String accept : BadInput.MALFORMED_ACCEPT) {
            attack.refused("GET /articles/{cached} with Accept: " + accept + " as anonymous",
                    () -> anonymous().header("Accept", accept).get("/articles/" + article.slug), 400);
        }
        for (String accept : List.of("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "*/*",
                "TEXT/HTML;Q=1.0", "text/html;q=1., */*;q=0.", "text/html;level=1;q=0.5, */*;q=0.1")) {
            attack.read("GET /policy with a valid Accept: " + accept, () -> anonymous().header("Accept", accept)
                    .get("/policy")).then().statusCode(200);
        }
    }

    private io.tribune.comment.Comment comment;

    /** Every GET route of the application, as the OpenAPI document lists it (with {placeholders}). */
    private static List<String> getRoutes() {
        Map<String, Map<String, Object>> paths = anonymous().accept("application/json").get("/q/openapi?format=json")
                .then().statusCode(200).extract().jsonPath().getMap("paths");
        List<String> routes = paths.entrySet().stream().filter(e -> e.getValue().containsKey("get")).map(Map.Entry::getKey)
                .sorted().toList();
        if (routes.size() < 20) {
            throw new AssertionError("too few GET routes in the OpenAPI document: " + routes);
        }
        return routes;
    }

    /** A route with its placeholders filled with real values, so that without the guard each page would render. */
    private String concrete(String route) {
        String slug = route.startsWith("/sections/") || route.startsWith("/feeds/sections/") ? "news"
                : route.startsWith("/authors/") ? authorSlug() : article.slug;
        String id = route.startsWith("/comments/") || route.startsWith("/api/comments/") ? comment.id.toString()
                : route.startsWith("/admin/articles/") ? article.id.toString() : "1";
        return route.replace("{slug}", slug).replace("{id}", id).replace("{username}", "moddy")
                .replace("{name}", "reported").replaceAll("\\{[^}]*}", "1");
    }

    private static io.restassured.specification.RequestSpecification given(Sessions.Session s) {
        return s == null ? anonymous() : s.given();
    }

    private String authorSlug() {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> Article.<Article>findById(article.id).author.slug);
    }

    static String enc(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "...(" + s.length() + ")" : s;
    }
}
