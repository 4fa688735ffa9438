package io.tribune.web;

import static io.tribune.web.PublicBadInputTest.enc;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tribune.account.User;
import io.tribune.article.Article;
import io.tribune.comment.Comment;
import io.tribune.testsupport.Fixtures;
import io.tribune.testsupport.Sessions;

/**
 * The moderators' pages and API under malformed input, as the moderator {@code moddy} (whose refused actions are
 * where a half-done moderation could hide), and the same routes as a commenter and anonymously (refused outright).
 */
@QuarkusTest
class AdminBadInputTest extends BadInputSupport {

    Sessions.Session mod;
    User target;
    Article article;
    Comment comment;

    @BeforeEach
    void targets() {
        mod = session(MODERATOR);
        target = fixtures.user(Fixtures.unique("fuzztarget"));
        article = fixtures.article("Bad input moderation " + System.nanoTime());
        comment = fixtures.comment(article, null, target, "A comment to moderate");
    }

    @Test
    void pagesWithOddParameters() {
        List<String> junk = bad.texts(2);
        attack.batch("moderation pages");
        for (int i = 0; i < junk.size(); i++) {
            String j = junk.get(i);
            String e = enc(j.length() > 1000 ? j.substring(0, 1000) : j); // three long values would exceed the URL limit
            List<String> routes = List.of("/admin?x=" + e, "/admin/queues/reported?page=" + e, "/admin/queues/held?done=" + e
                    + "&error=" + e, "/admin/queues/" + e, "/admin/users?q=" + e + "&status=" + e, "/admin/users?page=" + e,
                    "/admin/users/" + e, "/admin/log?moderator=" + e + "&user=" + e + "&action=" + e,
                    "/admin/log?from=" + e + "&to=" + e + "&page=" + e, "/admin/words?done=" + e, "/api/admin/queues/" + e,
                    "/api/admin/queues/recent?page=" + e);
            for (int k = 0; k < 2; k++) {
                String path = pick(routes, 2 * i + k);
                attack.read("GET " + path, () -> raw(mod.given()).get(path));
            }
        }
        for (String action : bad.enumJunk(1, "suspend", "remove", "approve")) {
            String e = enc(action);
            attack.read("GET /admin/log?action=" + e, () -> raw(mod.given()).get("/admin/log?action=" + e));
        }
        for (String status : bad.enumJunk(1, "active", "suspended", "deregistered")) {
            String e = enc(status);
            attack.read("GET /admin/users?status=" + e, () -> raw(mod.given()).get("/admin/users?status=" + e));
        }
        for (String slug : bad.slugs(2).subList(0, 10)) {
            attack.read("GET /admin/users/" + slug, () -> raw(mod.given()).get("/admin/users/" + slug));
            attack.read("GET /admin/queues/" + slug, () -> raw(mod.given()).get("/admin/queues/" + slug));
        }
        for (String date : List.of("2026-13-01", "2026-02-30", "99999-01-01", "-1-01-01", "2026/01/01", "1e9", "%FF")) {
            attack.read("GET /admin/log?from=" + date, () -> raw(mod.given()).get("/admin/log?from=" + date + "&to=" + date));
        }
    }

    @Test
    void commentDecisions() {
        attack.batch("decision forms");
        for (String id : bad.ids(3)) {
            String e = enc(id);
            attack.refused("POST /admin/comments/" + e + "/decision", () -> raw(mod.form())
                    .formParams(Map.of("action", "approve")).post("/admin/comments/" + e + "/decision"), 400, 404);
        }
        String decide = "/admin/comments/" + comment.id + "/decision";
        for (String action : bad.enumJunk(2, "approve", "remove", "restore")) {
            attack.refused("POST decision action=" + action, () -> postForm(mod, decide, Map.of("action", action,
                    "reason", "spam", "back", action)), 400);
        }
        for (String reason : bad.enumJunk(2, "abusive", "spam", "off-topic")) {
            attack.refused("POST decision remove reason=" + reason, () -> postForm(mod, decide, Map.of("action", "remove",
                    "reason", reason, "note", reason)), 400);
        }
        attack.refused("POST decision note=<2 MB>", () -> postForm(mod, decide, Map.of("action", "remove", "reason", "junk",
                "note", BadInput.TWO_MB)), 400, 413);
        attack.refused("POST decision restore a visible comment", () -> postForm(mod, decide, Map.of("action", "restore")),
                400, 409);
        AccountBadInputTest.formRefusals(attack, mod, decide, Map.of("action", "remove", "reason", "spam"));
        String bulk = "/admin/queues/recent/bulk";
        for (String raw : List.of("", "ids=abc&action=approve", "ids=&action=approve", "ids=99999999999999999999&action=approve",
                "ids=" + comment.id + "&ids=abc&action=approve", "ids=-1&action=approve", "ids=" + comment.id + "&action=junk",
                "ids=" + comment.id + "&action=remove&reason=junk", "ids=%FF&action=%C3%28",
                "ids=" + comment.id + "&ids=" + comment.id + "&action=remove", "ids=1e3&action=approve")) {
            attack.refused("POST " + bulk + " " + raw, () -> postRawForm(mod, bulk, raw), 400, 404);
        }
        for (String slug : bad.slugs(0).subList(0, 8)) {
            attack.refused("POST /admin/queues/" + slug + "/bulk", () -> raw(mod.form()).formParam("ids", "1")
                    .formParam("action", "approve").post("/admin/queues/" + slug + "/bulk"), 400, 404, 405);
        }
        AccountBadInputTest.formRefusals(attack, mod, bulk, Map.of("ids", String.valueOf(comment.id), "action", "remove",
                "reason", "spam"));
        attack.batch("thread switch");
        String thread = "/admin/threads/" + article.slug;
        for (String state : bad.enumJunk(2, "open", "closed")) {
            attack.refused("POST thread state=" + state, () -> postForm(mod, thread, Map.of("state", state, "reason", "x")),
                    400);
        }
        attack.refused("POST thread closed without a reason", () -> postForm(mod, thread, Map.of("state", "closed")), 400);
        attack.refused("POST thread closed reason=<2 MB>", () -> postForm(mod, thread, Map.of("state", "closed", "reason",
                BadInput.TWO_MB)), 400, 413);
        for (String slug : bad.slugs(0).subList(0, 8)) {
            attack.refused("POST /admin/threads/" + slug, () -> raw(mod.form()).formParams(Map.of("state", "closed",
                    "reason", "x")).post("/admin/threads/" + slug), 400, 404, 405);
        }
        AccountBadInputTest.formRefusals(attack, mod, thread, Map.of("state", "closed", "reason", "test"));
    }

    /** Issue 15: feature and unfeature forms, and slow mode. */
    @Test
    void featureAndSlowModeForms() {
        attack.batch("feature forms");
        for (String id : bad.ids(2)) {
            String e = enc(id);
            for (String action : List.of("feature", "unfeature")) {
                attack.refused("POST /admin/comments/" + e + "/" + action, () -> raw(mod.form())
                        .formParams(Map.of("note", "x")).post("/admin/comments/" + e + "/" + action), 400, 404);
            }
        }
        String feature = "/admin/comments/" + comment.id + "/feature";
        attack.refused("POST feature note=<2 MB>", () -> postForm(mod, feature, Map.of("note", BadInput.TWO_MB)), 400, 413);
        attack.refused("POST feature note of 501 chars", () -> postForm(mod, feature, Map.of("note", "x".repeat(501))), 400);
        attack.refused("POST feature note with NUL", () -> postForm(mod, feature, Map.of("note", "a\u0000b")), 400);
        attack.refused("POST unfeature a comment not featured", () -> postForm(mod,
                "/admin/comments/" + comment.id + "/unfeature", Map.of()), 409);
        AccountBadInputTest.formRefusals(attack, mod, feature, Map.of("note", "fine"));
        attack.batch("slow mode");
        String slow = "/admin/threads/" + article.slug + "/slow-mode";
        for (String seconds : List.of("-1", "86401", "1e3", "0x10", "１２", "99999999999999999999", "", " ", "%FF", "NaN",
                "\u0000", BadInput.TWO_MB)) {
            attack.refused("POST slow mode " + PublicBadInputTest.abbreviate(seconds), () -> postForm(mod, slow,
                    Map.of("slowModeSeconds", seconds, "back", "article")), 400, 413);
        }
        attack.refused("POST slow mode twice", () -> postRawForm(mod, slow, "slowModeSeconds=60&slowModeSeconds=junk&back=article"),
                400);
        for (String slug : bad.slugs(0).subList(0, 6)) {
            attack.refused("POST /admin/threads/" + slug + "/slow-mode", () -> raw(mod.form())
                    .formParams(Map.of("slowModeSeconds", "60")).post("/admin/threads/" + slug + "/slow-mode"), 400, 404, 405);
        }
        AccountBadInputTest.formRefusals(attack, mod, slow, Map.of("slowModeSeconds", "60", "back", "article"));
    }

    @Test
    void userActions() {
        String base = "/admin/users/" + target.username;
        attack.batch("user action forms");
        for (String days : List.of("abc", "-1", "0", "3651", "99999999999", "1e3", "1.5", "0x10", "", "7&days=8")) {
            attack.refused("POST suspend days=" + days, () -> postForm(mod, base + "/suspend", Map.of("days", days,
                    "reason", "")), 400);
        }
        for (String reason : List.of("", " ", "\t\n", "x".repeat(1001), BadInput.TWO_MB)) {
            attack.refused("POST suspend reason of " + reason.length() + " blank/long chars", () -> postForm(mod,
                    base + "/suspend", Map.of("days", "7", "reason", reason)), 400, 413);
            attack.refused("POST deregister reason of " + reason.length() + " blank/long chars", () -> postForm(mod,
                    base + "/deregister", Map.of("reason", reason)), 400, 413);
        }
        for (String body : List.of("", " ", "x".repeat(2001))) {
            attack.refused("POST note of " + body.length() + " chars", () -> postForm(mod, base + "/notes",
                    Map.of("body", body)), 400, 413);
        }
        attack.refused("POST reinstate as a moderator", () -> postForm(mod, base + "/reinstate", Map.of("reason", "x")), 403);
        attack.refused("POST roles as a moderator", () -> postForm(mod, base + "/roles", Map.of("role", "moderator",
                "grant", "true")), 403);
        attack.refused("POST suspend an admin", () -> postForm(mod, "/admin/users/" + ADMIN + "/suspend",
                Map.of("days", "7", "reason", "x")), 403);
        attack.refused("POST suspend myself", () -> postForm(mod, "/admin/users/" + MODERATOR + "/suspend",
                Map.of("days", "7", "reason", "x")), 403);
        List<String> slugs = bad.slugs(2);
        for (int i = 0; i < slugs.size(); i++) {
            String slug = slugs.get(i);
            for (String action : List.of(pick(List.of("suspend", "deregister", "always-hold", "notes"), i))) {
                attack.refused("POST /admin/users/" + slug + "/" + action, () -> raw(mod.form()).formParams(Map.of("days",
                        "7", "reason", "x", "body", "x", "on", "true")).post("/admin/users/" + slug + "/" + action),
                        400, 404, 405);
            }
        }
        for (String action : List.of("suspend", "deregister", "always-hold", "notes")) {
            AccountBadInputTest.formRefusals(attack, mod, base + "/" + action, Map.of("days", "7", "reason", "x", "body",
                    "x", "on", "true"));
        }
        Sessions.Session chief = session(ADMIN);
        attack.batch("admin role forms");
        for (String role : bad.enumJunk(2, "moderator", "editor", "admin", "commenter")) {
            attack.refused("POST roles role=" + role, () -> postForm(chief, base + "/roles", Map.of("role", role, "grant",
                    "true")), 400, 403);
        }
        attack.refused("POST reinstate an active user", () -> postForm(chief, base + "/reinstate", Map.of("reason", "x")),
                400, 409);
        attack.batch("words");
        for (String word : List.of("", " ", "x".repeat(5000), BadInput.TWO_MB)) {
            attack.refused("POST /admin/words word of " + word.length() + " chars", () -> postForm(mod, "/admin/words",
                    Map.of("word", word, "kind", "blocked")), 400, 413);
        }
        for (String kind : bad.enumJunk(2, "blocked", "suspect")) {
            attack.refused("POST /admin/words kind=" + kind, () -> postForm(mod, "/admin/words", Map.of("word",
                    "fuzzword", "kind", kind)), 400);
        }
        for (String id : bad.ids(0).subList(0, 10)) {
            String e = enc(id);
            attack.refused("POST /admin/words/" + e + "/delete", () -> raw(mod.form()).post("/admin/words/" + e + "/delete"),
                    400, 404);
        }
        AccountBadInputTest.formRefusals(attack, mod, "/admin/words", Map.of("word", "csrfword", "kind", "blocked"));
    }

    @Test
    void appeals() {
        Sessions.Session appellant = Sessions.newUser("fuzzappeal");
        Comment own = fixtures.comment(article, null, io.tribune.moderation.AppealFixtures.user(appellant.username()), "Mine");
        postForm(mod, "/admin/comments/" + own.id + "/decision", Map.of("action", "remove", "reason", "spam"));
        long removal = io.tribune.moderation.AppealFixtures.latestRemovalOf(appellant.username());
        String file = "/settings/moderation/appeals";
        attack.batch("appeal forms");
        for (String text : List.of("", " ", "\t\n", "x".repeat(2001), BadInput.TWO_MB)) {
            attack.refused("POST appeal of " + text.length() + " blank/long chars", () -> postForm(appellant, file,
                    Map.of("action", String.valueOf(removal), "text", text)), 422, 413);
        }
        for (String id : bad.ids(2)) {
            attack.refused("POST appeal action=" + id, () -> postForm(appellant, file, Map.of("action", id, "text", "x")),
                    400, 404);
        }
        attack.refused("POST appeal on someone else's decision", () -> postForm(session(MODERATOR), file,
                Map.of("action", String.valueOf(removal), "text", "not mine")), 404);
        AccountBadInputTest.formRefusals(attack, appellant, file, Map.of("action", String.valueOf(removal), "text", "csrf"));
        attack.batch("appeal decisions");
        for (String id : bad.ids(2)) {
            String e = enc(id);
            attack.refused("POST /admin/queues/appeals/" + e, () -> raw(mod.form()).formParams(Map.of("outcome", "reverse"))
                    .post("/admin/queues/appeals/" + e), 400, 404, 405);
        }
        attack.outside(() -> postForm(appellant, file, Map.of("action", String.valueOf(removal), "text", "Please look again")));
        long appeal = io.tribune.moderation.AppealFixtures.appealOn(removal);
        String decide = "/admin/queues/appeals/" + appeal;
        attack.batch("an open appeal");
        attack.refused("POST a second appeal", () -> postForm(appellant, file, Map.of("action", String.valueOf(removal),
                "text", "again")), 409);
        for (String outcome : bad.enumJunk(2, "uphold", "reverse")) {
            attack.refused("POST appeal outcome=" + outcome, () -> postForm(session(ADMIN), decide, Map.of("outcome", outcome,
                    "reason", "x")), 400);
        }
        attack.refused("POST uphold without a reason", () -> postForm(session(ADMIN), decide, Map.of("outcome", "uphold")), 400);
        attack.refused("POST uphold reason=<2 MB>", () -> postForm(session(ADMIN), decide, Map.of("outcome", "uphold",
                "reason", BadInput.TWO_MB)), 400, 413);
        attack.refused("POST decide my own decision", () -> postForm(mod, decide, Map.of("outcome", "reverse")), 403);
        attack.refused("POST decide as a commenter", () -> postForm(appellant, decide, Map.of("outcome", "reverse")), 403);
        AccountBadInputTest.formRefusals(attack, session(ADMIN), decide, Map.of("outcome", "reverse"));
    }

    @Test
    void moderationApi() {
        attack.batch("moderation API");
        String remove = "/api/admin/comments/" + comment.id + "/remove";
        List<String> removeBodies = bad.jsonJunk("reason", "note", 4);
        for (int i = 0; i < removeBodies.size(); i += 2) {
            String body = removeBodies.get(i);
            attack.refused("POST " + remove + " " + body, () -> json(mod).body(body).post(remove), 400, 413);
        }
        for (String reason : bad.enumJunk(4, "abusive", "spam")) {
            attack.refused("POST " + remove + " reason=" + reason, () -> json(mod).body(Map.of("reason", reason))
                    .post(remove), 400);
        }
        List<String> ids = bad.ids(3);
        for (int i = 0; i < ids.size(); i++) {
            String e = enc(ids.get(i));
            for (String action : List.of(pick(List.of("approve", "remove", "restore"), i))) {
                attack.refused("POST /api/admin/comments/" + e + "/" + action, () -> raw(json(mod)).body("{\"reason\":\"spam\"}")
                        .post("/api/admin/comments/" + e + "/" + action), 400, 404, 405);
            }
        }
        String suspendAdmin = "/api/admin/users/" + ADMIN + "/suspend";
        List<String> suspendBodies = bad.jsonJunk("reason", "days", 2);
        for (int i = 1; i < suspendBodies.size(); i += 2) {
            String body = suspendBodies.get(i);
            // the target is an admin, so a body that parses is refused with 403 whatever it holds
            attack.refused("POST " + suspendAdmin + " " + body, () -> json(mod).body(body).post(suspendAdmin), 400, 403,
                    413);
        }
        String suspend = "/api/admin/users/" + target.username + "/suspend";
        for (String body : List.of("{\"reason\": \"x\", \"days\": -1}", "{\"reason\": \"x\", \"days\": 0}",
                "{\"reason\": \"x\", \"days\": 99999999999}", "{\"reason\": \"x\", \"days\": \"abc\"}",
                "{\"reason\": \"\", \"days\": 7}", "{\"reason\": null}", "{\"days\": 7}", "{}", "[]", "null", "",
                "{\"reason\": \"x\", \"days\": 2147483648}", "{\"reason\": \"x\", \"days\": 1e400}")) {
            attack.refused("POST " + suspend + " " + body, () -> json(mod).body(body).post(suspend), 400);
        }
        attack.refused("POST /api/admin/users/{target}/reinstate as a moderator", () -> json(mod).body("{\"reason\":\"x\"}")
                .post("/api/admin/users/" + target.username + "/reinstate"), 403);
        for (String slug : bad.slugs(1)) {
            attack.refused("POST /api/admin/users/" + slug + "/deregister", () -> raw(json(mod)).body("{\"reason\":\"x\"}")
                    .post("/api/admin/users/" + slug + "/deregister"), 400, 404, 405);
        }
        for (String path : List.of(remove, suspend, "/api/admin/comments/" + comment.id + "/approve")) {
            attack.refused("POST " + path + " without X-CSRF-TOKEN", () -> mod.given().contentType(ContentType.JSON)
                    .body("{\"reason\":\"spam\"}").post(path), 400, 403);
            attack.refused("POST " + path + " with a forged X-CSRF-TOKEN", () -> mod.given().contentType(ContentType.JSON)
                    .header("X-CSRF-TOKEN", "forged").body("{\"reason\":\"spam\"}").post(path), 400, 403);
            attack.refused("POST " + path + " as a form", () -> mod.given().header("X-CSRF-TOKEN", mod.csrfToken())
                    .contentType(ContentType.URLENC).formParam("reason", "spam").formParam(Sessions.CSRF, mod.csrfToken())
                    .post(path), 400, 415);
            attack.refused("POST " + path + " as text", () -> mod.given().header("X-CSRF-TOKEN", mod.csrfToken())
                    .contentType(ContentType.TEXT).body("{\"reason\":\"spam\"}").post(path), 400, 415);
        }
    }

    @Test
    void refusedForCommentersAndAnonymous() {
        Sessions.Session commenter = commenter();
        attack.batch("admin routes without the role");
        String user = "/admin/users/" + target.username;
        for (Sessions.Session s : Arrays.asList(null, commenter)) {
            for (String path : List.of("/admin", "/admin/queues/reported", "/admin/users", user, "/admin/words", "/admin/log",
                    "/admin/articles", "/admin/sections", "/api/admin/queues/reported")) {
                attack.refused("GET " + path + " as " + who(s), () -> (s == null ? anonymous() : s.given()).get(path),
                        401, 403);
            }
            for (String path : List.of("/admin/comments/" + comment.id + "/decision", "/admin/queues/recent/bulk",
                    "/admin/threads/" + article.slug, user + "/suspend", user + "/deregister", user + "/notes",
                    user + "/always-hold", user + "/roles", "/admin/words", "/admin/sections", "/admin/articles/new")) {
                attack.refused("POST " + path + " as " + who(s), () -> s == null
                        ? anonymous().contentType(ContentType.URLENC).formParam("action", "remove").post(path)
                        : postForm(s, path, Map.of("action", "remove", "reason", "spam", "days", "7", "state", "closed",
                                "body", "x", "ids", String.valueOf(comment.id), "name", "Fuzz", "headline", "Fuzz")),
                        400, 401, 403);
            }
            for (String path : List.of("/api/admin/comments/" + comment.id + "/remove",
                    "/api/admin/users/" + target.username + "/suspend")) {
                attack.refused("POST " + path + " as " + who(s), () -> (s == null ? anonymous().header("X-CSRF-TOKEN", "x")
                        .cookie(Sessions.CSRF, "x") : json(s)).contentType(ContentType.JSON)
                        .body("{\"reason\":\"spam\",\"days\":7}").post(path), 400, 401, 403);
            }
        }
    }
}
