package io.tribune.web;

import static io.tribune.web.PublicBadInputTest.enc;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.tribune.account.User;
import io.tribune.article.Article;
import io.tribune.comment.Comment;
import io.tribune.comment.CommentStatus;
import io.tribune.testsupport.Sessions;

/**
 * Comment forms, the comment JSON API, votes and reports under malformed and hostile input, as a logged-in
 * commenter (refusals for an authorised user are where a half-written row could hide) and anonymously.
 */
@QuarkusTest
class CommentBadInputTest extends BadInputSupport {

    Sessions.Session me;
    User myself;
    Article article;
    Comment mine;
    Comment others;
    User other;

    @BeforeEach
    void thread() {
        me = commenter();
        myself = User.findByUsername(me.username()).orElseThrow();
        article = fixtures.article("Bad input comments " + System.nanoTime());
        other = fixtures.user(io.tribune.testsupport.Fixtures.unique("fuzzother"));
        mine = fixtures.comment(article, null, myself, "My own comment");
        others = fixtures.comment(article, null, other, "Someone else's comment");
        fixtures.ageAllBy(myself, Duration.ofMinutes(2));
    }

    @Test
    void commentForm() {
        attack.batch("POST /comments");
        for (String slug : bad.texts(0).subList(0, 8)) {
            attack.refused("POST /comments article=" + slug, () -> postForm(me, "/comments",
                    Map.of("article", slug, "body", "Fine words")), 400, 404);
        }
        for (String id : bad.ids(3)) {
            if (id.isBlank()) {
                continue; // no parent: a top-level comment, which would be accepted
            }
            attack.refused("POST /comments parentId=" + id, () -> postForm(me, "/comments",
                    Map.of("article", article.slug, "parentId", id, "body", "")), 400, 404, 409);
        }
        for (String body : List.of("", " ", "\n\t ", "x".repeat(5001), BadInput.TWO_MB)) {
            attack.refused("POST /comments body of " + body.length() + " blank/over-long chars", () -> postForm(me,
                    "/comments", Map.of("article", article.slug, "body", body)), 400, 413);
        }
        for (String action : bad.enumJunk(4, "preview", "post")) {
            attack.refused("POST /comments action=" + action + " empty body", () -> postForm(me, "/comments",
                    Map.of("article", article.slug, "body", "", "action", action)), 400, 413);
        }
        for (String raw : List.of("article=" + article.slug + "&article=nope&body=", "article=&body=x",
                "article=" + article.slug + "&parentId=1&parentId=abc&body=", "article=%FF&body=%C3%28",
                "article=" + article.slug + "&body=%ZZ", "article=" + article.slug + "&parentId=" + enc("99999999999999999999")
                        + "&body=x")) {
            attack.refused("POST /comments raw " + raw, () -> postRawForm(me, "/comments", raw), 400, 404, 409, 413);
        }
        for (byte[] invalid : BadInput.INVALID_UTF8_BYTES) {
            attack.refused("POST /comments invalid UTF-8 to a missing article", () -> postBytes(me.given(), "/comments",
                    "application/x-www-form-urlencoded; charset=UTF-8",
                    BadInput.concat("csrf-token=" + me.csrfToken() + "&article=no-such-article&body=", invalid, "")), 400, 404);
        }
        AccountBadInputTest.formRefusals(attack, me, "/comments", Map.of("article", article.slug, "body", "CSRF test"));
        attack.refused("POST /comments anonymously", () -> anonymous().contentType(ContentType.URLENC)
                .formParams(Map.of("article", article.slug, "body", "x")).post("/comments"), 302, 400, 401, 403);
        attack.batch("comment previews");
        for (String body : bad.texts(1)) {
            attack.read("POST /comments preview body=" + body, () -> postForm(me, "/comments",
                    Map.of("article", article.slug, "body", body, "action", "preview")));
        }
    }

    @Test
    void hostileCommentTextIsStoredOrRefusedNeverAServerError() {
        for (String body : List.of("a\u0000b", "\u0000", "\uD800 lone surrogate", "\u202Ereversed", "<script>x</script> ok",
                "emoji \uD83D\uDE00 ok")) {
            attack.outside(() -> fixtures.ageAllBy(myself, Duration.ofMinutes(2)));
            attack.tolerated("POST /comments body=" + body, () -> postForm(me, "/comments",
                    Map.of("article", article.slug, "body", body + " " + System.nanoTime())));
        }
        for (byte[] invalid : BadInput.INVALID_UTF8_BYTES) {
            attack.outside(() -> fixtures.ageAllBy(myself, Duration.ofMinutes(2)));
            attack.tolerated("POST /comments invalid UTF-8 body", () -> postBytes(me.given(), "/comments",
                    "application/x-www-form-urlencoded; charset=UTF-8", BadInput.concat("csrf-token=" + me.csrfToken()
                            + "&article=" + article.slug + "&body=bytes", invalid, "+" + System.nanoTime())));
        }
    }

    @Test
    void editDeleteVoteReportForms() {
        attack.batch("comment id routes");
        List<String> ids = bad.ids(4);
        for (int i = 0; i < ids.size(); i++) {
            String path = String.format(pick(List.of("/comments/%s/edit", "/comments/%s/delete", "/comments/%s/vote",
                    "/comments/%s/report"), i), enc(ids.get(i)));
            attack.refused("POST " + path, () -> raw(me.form()).formParams(Map.of("body", "x", "reason", "junk"))
                    .post(path), 400, 404, 405);
        }
        attack.batch("someone else's comment");
        for (String path : List.of("/comments/" + others.id + "/edit", "/comments/" + others.id + "/delete")) {
            attack.refused("GET " + path, () -> me.given().get(path), 403);
            attack.refused("POST " + path, () -> postForm(me, path, Map.of("body", "hijacked")), 403);
        }
        attack.refused("POST own vote", () -> postForm(me, "/comments/" + mine.id + "/vote", Map.of()), 403);
        attack.refused("POST report own comment", () -> postForm(me, "/comments/" + mine.id + "/report",
                Map.of("reason", "spam")), 403, 409);
        attack.outside(() -> mine = fixtures.comment(article, null, myself, "Mine, to edit badly"));
        attack.batch("my own comment, edited badly");
        for (String body : List.of("", " ", "x".repeat(5001), BadInput.TWO_MB)) {
            attack.refused("POST /comments/mine/edit body of " + body.length() + " chars", () -> postForm(me,
                    "/comments/" + mine.id + "/edit", Map.of("body", body)), 400, 413);
        }
        attack.batch("reports with bad reasons");
        for (String reason : bad.enumJunk(2, "abusive", "defamatory", "spam", "off-topic", "illegal", "other")) {
            attack.refused("POST report reason=" + reason, () -> postForm(me, "/comments/" + others.id + "/report",
                    Map.of("reason", reason, "note", "\u0000" + reason)), 400, 413);
        }
        attack.refused("POST report note=<2 MB>", () -> postForm(me, "/comments/" + others.id + "/report",
                Map.of("reason", "spam", "note", BadInput.TWO_MB)), 400, 413);
        attack.refused("POST report note of 501 chars", () -> postForm(me, "/comments/" + others.id + "/report",
                Map.of("reason", "spam", "note", "x".repeat(501))), 400);
        attack.refused("POST report with two bad reasons", () -> postRawForm(me, "/comments/" + others.id + "/report",
                "reason=junk&reason=junk2&note=x"), 400);
        for (String path : List.of("/comments/" + others.id + "/vote", "/comments/" + others.id + "/report",
                "/comments/" + mine.id + "/edit", "/comments/" + mine.id + "/delete")) {
            AccountBadInputTest.formRefusals(attack, me, path, Map.of("reason", "spam", "body", "edited"));
            attack.refused("POST " + path + " anonymously", () -> anonymous().contentType(ContentType.URLENC)
                    .formParam("reason", "spam").post(path), 302, 400, 401, 403);
        }
        attack.tolerated("POST report note with NUL", () -> postForm(me, "/comments/" + others.id + "/report",
                Map.of("reason", "spam", "note", "a\u0000b")));
    }

    /** Issue 15: mute and unmute forms, on profiles and comments. */
    @Test
    void muteForms() {
        attack.batch("mute by comment id");
        for (String id : bad.ids(2)) {
            String e = enc(id);
            for (String action : List.of("mute", "unmute")) {
                attack.refused("POST /comments/" + e + "/" + action, () -> raw(me.form()).post("/comments/" + e + "/" + action),
                        400, 404, 405);
            }
        }
        attack.batch("mute by username");
        for (String slug : bad.slugs(0).subList(0, 8)) {
            attack.refused("POST /users/" + slug + "/mute", () -> raw(me.form()).post("/users/" + slug + "/mute"), 400, 404, 405);
        }
        attack.refused("POST mute myself", () -> postForm(me, "/comments/" + mine.id + "/mute", Map.of()), 400);
        attack.refused("POST unmute someone not muted", () -> postForm(me, "/comments/" + others.id + "/unmute", Map.of()), 409);
        for (String path : List.of("/comments/" + others.id + "/mute", "/users/" + other.username + "/mute")) {
            AccountBadInputTest.formRefusals(attack, me, path, Map.of("back", "settings"));
            attack.refused("POST " + path + " anonymously", () -> anonymous().contentType(ContentType.URLENC)
                    .formParam("back", "x").post(path), 302, 400, 401, 403);
        }
    }

    @Test
    void commentApi() {
        String post = "/api/articles/" + article.slug + "/comments";
        attack.batch("API post, malformed JSON");
        for (String body : bad.jsonJunk("body", "parentId", 6)) {
            // refused for a closed thread whatever the body says, so only the parsing is under test here
            attack.refused("POST /api/articles/{closed}/comments " + body, () -> json(me).body(body)
                    .post("/api/articles/" + closedArticle().slug + "/comments"), 400, 403, 404, 409, 413, 422);
        }
        for (String slug : bad.slugs(0).subList(0, 10)) {
            attack.refused("POST /api/articles/" + slug + "/comments", () -> raw(json(me)).body("{\"body\":\"x\"}")
                    .post("/api/articles/" + slug + "/comments"), 400, 404, 405);
        }
        for (byte[] invalid : BadInput.INVALID_UTF8_BYTES) {
            attack.refused("POST /api/articles/{closed}/comments invalid UTF-8 JSON", () -> postBytes(json(me),
                    "/api/articles/" + closedArticle().slug + "/comments", "application/json",
                    BadInput.concat("{\"body\": \"", invalid, "\"}")), 400, 403, 409);
        }
        apiRefusals(post, "POST", "{\"body\": \"CSRF test\"}");
        // values of the wrong type are never coerced, unknown and repeated fields are refused: 400 naming the field
        for (String[] refusal : new String[][] { { "{\"body\": 12}", "body" }, { "{\"body\": true}", "body" },
                { "{\"body\": \"a\", \"body\": \"b\"}", "body" }, { "{\"body\": \"x\", \"parentId\": 1.5}", "parentId" },
                { "{\"body\": \"x\", \"parentId\": \"" + others.id + "\"}", "parentId" },
                { "{\"body\": \"x\", \"unknown\": [1, 2]}", "unknown" } }) {
            Response r = attack.refused("POST " + post + " " + refusal[0], () -> json(me).body(refusal[0]).post(post), 400);
            if (r != null && !refusal[1].equals(r.jsonPath().getString("field"))) {
                attack.problem("POST " + post + " " + refusal[0], r, "the error does not name the field " + refusal[1]);
            }
        }
        for (String body : List.of("{\"body\": \"\\ud800 lone\"}", "{\"body\": \"\\u0000 nul\"}")) {
            attack.outside(() -> fixtures.ageAllBy(myself, Duration.ofMinutes(2)));
            attack.tolerated("POST " + post + " " + body, () -> json(me).body(body).post(post));
        }
        attack.batch("API edit, delete and vote with bad ids");
        List<String> apiIds = bad.ids(4);
        for (int i = 0; i < apiIds.size(); i++) {
            String e = enc(apiIds.get(i));
            switch (i % 4) { // each value on one of the four id routes in turn
                case 0 -> attack.refused("PATCH /api/comments/" + e, () -> raw(json(me)).body("{\"body\":\"x\"}")
                        .patch("/api/comments/" + e), 400, 404, 405);
                case 1 -> attack.refused("DELETE /api/comments/" + e, () -> raw(json(me)).delete("/api/comments/" + e),
                        400, 404, 405);
                case 2 -> attack.refused("PUT /api/comments/" + e + "/vote", () -> raw(json(me))
                        .put("/api/comments/" + e + "/vote"), 400, 404, 405);
                default -> attack.refused("DELETE /api/comments/" + e + "/vote", () -> raw(json(me))
                        .delete("/api/comments/" + e + "/vote"), 400, 404, 405);
            }
        }
        attack.refused("PATCH /api/comments/{others}", () -> json(me).body("{\"body\":\"hijack\"}")
                .patch("/api/comments/" + others.id), 403);
        attack.refused("DELETE /api/comments/{others}", () -> json(me).delete("/api/comments/" + others.id), 403);
        attack.refused("PUT /api/comments/{mine}/vote", () -> json(me).put("/api/comments/" + mine.id + "/vote"), 403);
        List<String> patches = bad.jsonJunk("body", "unused", 2);
        for (int i = 0; i < patches.size(); i += 3) {
            String body = patches.get(i);
            attack.refused("PATCH /api/comments/{others} " + body, () -> json(me).body(body)
                    .patch("/api/comments/" + others.id), 400, 403, 413);
        }
        apiRefusals("/api/comments/" + mine.id, "PATCH", "{\"body\": \"CSRF test\"}");
        apiRefusals("/api/comments/" + mine.id, "DELETE", null);
        apiRefusals("/api/comments/" + others.id + "/vote", "PUT", null);
        attack.outside(() -> mine = fixtures.comment(article, null, myself, "Mine, to edit through the API"));
        attack.batch("API edit of my own comment");
        for (String body : List.of("{\"body\": \"\"}", "{\"body\": null}", "{}", "{\"body\": \"" + "x".repeat(5001) + "\"}")) {
            attack.refused("PATCH /api/comments/{mine} " + body, () -> json(me).body(body).patch("/api/comments/" + mine.id),
                    400, 413);
        }
        for (String body : List.of("{\"body\": 12}", "{\"body\": \"a\", \"body\": \"b\"}", "{\"body\": [\"a\"]}", "[]", "{",
                "{\"body\": \"x\", \"status\": \"visible\"}")) {
            attack.refused("PATCH /api/comments/{mine} " + body, () -> json(me).body(body).patch("/api/comments/" + mine.id),
                    400);
        }
        attack.tolerated("PATCH /api/comments/{mine} NUL", () -> json(me).body("{\"body\": \"\\u0000\"}")
                .patch("/api/comments/" + mine.id));
    }

    @Test
    void repliesToCommentsThatAreRemovedDeletedOrAwaitingModeration() {
        List<Comment> parents = new java.util.ArrayList<>();
        attack.outside(() -> {
            for (CommentStatus status : List.of(CommentStatus.REMOVED, CommentStatus.DELETED, CommentStatus.PENDING)) {
                parents.add(fixtures.comment(article, null, others.author, "Not visible: " + status, status));
            }
        });
        attack.batch("replies to comments that are not visible");
        for (Comment parent : parents) {
            String which = "{" + parent.status.name().toLowerCase() + "}";
            String reply = "/comments/" + parent.id + "/reply";
            attack.refused("GET " + reply, () -> me.given().get(reply), 409);
            attack.refused("GET " + reply + " with htmx", () -> me.given().header("HX-Request", "true").get(reply), 409);
            String typed = "My reply to " + which;
            Response r = attack.refused("POST /comments parentId=" + which, () -> postForm(me, "/comments",
                    Map.of("article", article.slug, "parentId", parent.id, "body", typed)), 409);
            if (r != null && !(r.asString().contains(typed) && r.asString().contains("You cannot reply to a comment that was"))) {
                attack.problem("POST /comments parentId=" + which, r, "the form does not keep the text and say why");
            }
            if (r != null && r.asString().contains("Not visible: ")) {
                attack.problem("POST /comments parentId=" + which, r, "the hidden comment's text is shown");
            }
            attack.read("POST /comments preview parentId=" + which, () -> postForm(me, "/comments",
                    Map.of("article", article.slug, "parentId", parent.id, "body", typed, "action", "preview")));
            attack.refused("POST /api/articles/{slug}/comments parentId=" + which, () -> json(me)
                    .body("{\"body\": \"" + typed + "\", \"parentId\": " + parent.id + "}")
                    .post("/api/articles/" + article.slug + "/comments"), 409);
        }
    }

    @Test
    void malformedMultipartBodies() {
        attack.batch("POST /comments with malformed multipart bodies");
        for (BadInput.RawBody body : BadInput.malformedMultipart(me.csrfToken(), "body")) {
            attack.refused("POST /comments multipart: " + body.label(), () -> postBytes(me.given(), "/comments",
                    body.contentType(), body.bytes()), 400, 403, 404, 415);
            attack.refused("POST /comments multipart anonymously: " + body.label(), () -> postBytes(anonymous(),
                    "/comments", body.contentType(), body.bytes()), 400, 401, 403, 415);
        }
    }

    @Test
    void aRemovedCommentCannotBeDeletedOrEditedByItsAuthor() {
        Comment[] removed = new Comment[1];
        attack.outside(() -> removed[0] = fixtures.comment(article, null, myself, "Removed by a moderator",
                CommentStatus.REMOVED));
        attack.batch("my removed comment");
        String path = "/comments/" + removed[0].id;
        attack.refused("GET " + path + "/delete", () -> me.given().get(path + "/delete"), 409);
        attack.refused("POST " + path + "/delete", () -> postForm(me, path + "/delete", Map.of()), 409);
        attack.refused("DELETE /api" + path, () -> json(me).delete("/api" + path), 409);
        attack.refused("GET " + path + "/edit", () -> me.given().get(path + "/edit"), 409);
        attack.refused("POST " + path + "/edit", () -> postForm(me, path + "/edit", Map.of("body", "Edited")), 409);
        attack.refused("PATCH /api" + path, () -> json(me).body("{\"body\": \"Edited\"}").patch("/api" + path), 409);
    }

    private Article closed;

    private Article closedArticle() {
        if (closed == null) {
            attack.outside(() -> {
                closed = fixtures.article("Closed for bad input " + System.nanoTime());
                fixtures.closeComments(closed);
            });
            attack.batch("API on a closed thread");
        }
        return closed;
    }

    /** The JSON API without the CSRF header, with a forged one, anonymously, and with the wrong content types. */
    private void apiRefusals(String path, String method, String body) {
        attack.refused(method + " " + path + " without X-CSRF-TOKEN", () -> me.given().contentType(ContentType.JSON)
                .body(body == null ? "" : body).request(method, path), 400, 403);
        attack.refused(method + " " + path + " with a forged X-CSRF-TOKEN", () -> me.given().contentType(ContentType.JSON)
                .header("X-CSRF-TOKEN", "forged").body(body == null ? "" : body).request(method, path), 400, 403);
        attack.refused(method + " " + path + " with two X-CSRF-TOKEN headers, one forged", () -> me.given()
                .contentType(ContentType.JSON).header("X-CSRF-TOKEN", "forged").header("X-CSRF-TOKEN", me.csrfToken())
                .body(body == null ? "" : body).request(method, path), 400, 403);
        attack.refused(method + " " + path + " anonymously", () -> anonymous().contentType(ContentType.JSON)
                .header("X-CSRF-TOKEN", "x").cookie(Sessions.CSRF, "x").body(body == null ? "" : body).request(method, path),
                400, 401, 403);
        if (body != null) {
            attack.refused(method + " " + path + " as a form", () -> me.given().header("X-CSRF-TOKEN", me.csrfToken())
                    .contentType(ContentType.URLENC).formParam("body", "form").formParam(Sessions.CSRF, me.csrfToken())
                    .request(method, path), 400, 415);
            attack.refused(method + " " + path + " as text/plain", () -> me.given().header("X-CSRF-TOKEN", me.csrfToken())
                    .contentType(ContentType.TEXT).body(body).request(method, path), 400, 415);
            attack.refused(method + " " + path + " as XML", () -> me.given().header("X-CSRF-TOKEN", me.csrfToken())
                    .contentType(ContentType.XML).body("<body>x</body>").request(method, path), 400, 415);
        }
    }
}
