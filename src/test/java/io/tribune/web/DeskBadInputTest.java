package io.tribune.web;

import static io.tribune.web.PublicBadInputTest.enc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tribune.article.Article;
import io.tribune.article.Section;
import io.tribune.testsupport.Sessions;

/**
 * The editorial desk (as the editor {@code eddie}) and the sections admin (as the admin {@code chief}) under
 * malformed input: article forms, publication times, update notes, revisions, picture uploads.
 */
@QuarkusTest
class DeskBadInputTest extends BadInputSupport {

    Sessions.Session editor;
    Article article;
    String sectionId;

    @BeforeEach
    void desk() {
        editor = session(EDITOR);
        article = fixtures.article("Bad input desk " + System.nanoTime());
        sectionId = String.valueOf(Section.findBySlug("news").orElseThrow().id);
    }

    /** A complete, valid article form but for the one field overridden (a blank headline unless given). */
    private Map<String, String> form(String field, String value) {
        Map<String, String> f = new LinkedHashMap<>(Map.of("headline", "", "slug", "", "sectionId", sectionId, "standfirst",
                "A standfirst", "body", "A body", "heroAlt", "", "heroCaption", "", "heroCredit", "", "commentsOpen", "on"));
        f.put(field, value);
        if (!"headline".equals(field)) {
            return f;
        }
        f.put("body", ""); // the headline is under test: keep the form invalid through the body instead
        return f;
    }

    @Test
    void articleForms() {
        attack.batch("desk article forms");
        String update = "/admin/articles/" + article.id;
        List<String> fields = List.of("headline", "slug", "sectionId", "authorId", "standfirst", "heroAlt", "heroCaption",
                "heroCredit", "commentsOpen");
        List<String> texts = bad.texts(2);
        List<String> ids = bad.ids(2);
        for (int f = 0; f < fields.size(); f++) {
            String field = fields.get(f);
            List<String> values = field.endsWith("Id") ? ids : texts;
            for (int j = 0; j < 4; j++) { // four values per field, a different four for each field
                String junk = pick(values, 4 * f + j);
                String path = j % 2 == 0 ? "/admin/articles/new" : update;
                attack.refused("POST " + path + " " + field + "=" + junk, () -> postForm(editor, path, form(field, junk)),
                        400, 413);
            }
        }
        for (String slug : List.of("../../etc/passwd", "a/b", "a%00b", "UPPER", "sp ace", "x".repeat(161), "\u0000",
                "slug\r\nX-Injected: 1")) {
            Map<String, String> f = form("slug", slug);
            f.put("headline", "Valid headline " + slug.length());
            attack.refused("POST /admin/articles/new slug=" + slug, () -> postForm(editor, "/admin/articles/new", f), 400);
        }
        for (String field : List.of("headline", "standfirst", "body")) {
            Map<String, String> f = form(field, BadInput.TWO_MB);
            f.put("headline", field.equals("headline") ? BadInput.TWO_MB : "");
            attack.refused("POST /admin/articles/new " + field + "=<2 MB>", () -> postForm(editor, "/admin/articles/new", f),
                    400, 413);
        }
        Map<String, String> tooLongBody = form("body", "x".repeat(100_001));
        tooLongBody.put("headline", "Valid headline");
        attack.refused("POST /admin/articles/new body of 100,001 chars", () -> postForm(editor, "/admin/articles/new",
                tooLongBody), 400, 413);
        for (String raw : List.of("", "headline=a&headline=&sectionId=1&sectionId=x", "sectionId=%FF&headline=%C3%28",
                "headline=&sectionId=99999999999999999999", "headline=&authorId=-1&sectionId=0")) {
            attack.refused("POST /admin/articles/new raw " + raw, () -> postRawForm(editor, "/admin/articles/new", raw),
                    400, 413);
        }
        List<String> badIds = bad.ids(2);
        for (int i = 0; i < badIds.size(); i++) {
            String e = enc(badIds.get(i));
            for (String suffix : List.of(pick(List.of("", "/publish", "/unpublish", "/updates", "/hero",
                    "/revisions/1/restore", "/revisions/" + e + "/restore"), i))) {
                String path = "/admin/articles/" + (suffix.startsWith("/revisions/" + e) ? article.id : e) + suffix;
                attack.refused("POST " + path, () -> raw(editor.form()).formParam("headline", "").post(path), 400, 404,
                        405, 415);
            }
            if (i % 2 == 0) {
                attack.read("GET /admin/articles/" + e, () -> raw(editor.given()).get("/admin/articles/" + e));
            }
        }
        AccountBadInputTest.formRefusals(attack, editor, "/admin/articles/new", form("headline", "CSRF test"));
        AccountBadInputTest.formRefusals(attack, editor, update + "/unpublish", Map.of());
        attack.batch("desk previews");
        for (String body : bad.texts(0).subList(0, 4)) {
            attack.read("POST preview body=" + body, () -> postForm(editor, "/admin/articles/new",
                    Map.of("headline", "Preview", "body", body, "action", "preview", "sectionId", "abc")));
            attack.read("POST preview of the article body=" + body, () -> postForm(editor, update,
                    Map.of("headline", "", "body", body, "action", "preview")));
        }
        attack.batch("desk list");
        for (String junk : bad.texts(2).subList(0, 5)) {
            String e = enc(junk);
            attack.read("GET /admin/articles?status=" + e, () -> raw(editor.given())
                    .get("/admin/articles?status=" + e + "&section=" + e + "&q=" + e));
            attack.read("GET /admin/articles?page=" + e, () -> raw(editor.given()).get("/admin/articles?page=" + e));
            attack.read("GET /admin/articles/" + article.id + "?done=" + e, () -> raw(editor.given())
                    .get("/admin/articles/" + article.id + "?done=" + e));
        }
    }

    @Test
    void publicationUpdatesAndRevisions() {
        attack.batch("desk publication");
        String publish = "/admin/articles/" + article.id + "/publish";
        for (String at : List.of("", "tomorrow", "2026-13-01T00:00", "2020-01-01T00:00", "1970-01-01T00:00",
                "+999999999-12-31T23:59:59", "-999999999-01-01T00:00", "99999-01-01T00:00", "2030-01-01T25:00",
                "2030-01-01", "2030-01-01T00:00Z", "%FF", "\u0000")) {
            attack.refused("POST publish schedule at " + at, () -> postForm(editor, publish, Map.of("action", "schedule",
                    "publishAt", at)), 400);
        }
        String updates = "/admin/articles/" + article.id + "/updates";
        for (String note : List.of("", " ", "x".repeat(2001), BadInput.TWO_MB)) {
            attack.refused("POST update note of " + note.length() + " chars", () -> postForm(editor, updates,
                    Map.of("update", note)), 400, 413);
        }
        for (String rev : List.of("99999999", "0", "999999999999999999")) {
            attack.refused("POST restore revision " + rev, () -> postForm(editor, "/admin/articles/" + article.id
                    + "/revisions/" + rev + "/restore", Map.of()), 400, 404);
        }
        AccountBadInputTest.formRefusals(attack, editor, publish, Map.of("action", "schedule", "publishAt",
                "2099-01-01T00:00"));
        AccountBadInputTest.formRefusals(attack, editor, updates, Map.of("update", "CSRF test"));
    }

    @Test
    void heroUploads() {
        attack.batch("hero uploads");
        String hero = "/admin/articles/" + article.id + "/hero";
        attack.refused("POST hero as a form", () -> postForm(editor, hero, Map.of("hero", "not a file")), 400, 415);
        attack.refused("POST hero as JSON", () -> json(editor).body("{\"hero\": \"x\"}").post(hero), 400, 415);
        attack.refused("POST hero multipart without the file", () -> editor.given().multiPart(Sessions.CSRF,
                editor.csrfToken()).post(hero), 400);
        attack.refused("POST hero multipart with a text part", () -> editor.given().multiPart(Sessions.CSRF,
                editor.csrfToken()).multiPart("hero", "plain text").post(hero), 400);
        for (byte[] junk : List.of(new byte[0], BadInput.bytes(0xFF, 0xD8, 0xFF), BadInput.bytes(0x89, 'P', 'N', 'G', 0x0D,
                0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D), "RIFF\0\0\0\0WEBPVP8 ".getBytes(), "<svg onload=alert(1)>".getBytes(),
                "GIF89a".getBytes(), new byte[5 * 1024 * 1024 + 1])) { // the last: one byte over max-image-bytes
            attack.refused("POST hero of " + junk.length + " junk bytes", () -> editor.given()
                    .multiPart(Sessions.CSRF, editor.csrfToken()).multiPart("hero", "picture.jpg", junk, "image/jpeg")
                    .post(hero), 400, 413);
        }
        // with its length declared, an upload over the 10 MB body limit is refused before it is read
        // (web.MultipartBoundaryGuard); sent chunked, without a length, see uploadsSentWithoutALength
        attack.refused("POST hero over the 10 MB body limit", () -> postBytes(editor.given(), hero,
                "multipart/form-data; boundary=tribune-big", oversized(editor.csrfToken())), 413);
        attack.refused("POST hero without CSRF", () -> editor.given().multiPart("hero", "x.png", BadInput.bytes(1, 2, 3),
                "image/png").post(hero), 400, 403);
        attack.refused("POST hero with a forged CSRF", () -> editor.given().multiPart(Sessions.CSRF, "forged")
                .multiPart("hero", "x.png", BadInput.bytes(1, 2, 3), "image/png").post(hero), 400, 403);
        for (BadInput.RawBody body : BadInput.malformedMultipart(editor.csrfToken(), "hero")) {
            attack.refused("POST hero multipart: " + body.label(), () -> postBytes(editor.given(), hero, body.contentType(),
                    body.bytes()), 400, 403, 404, 415);
        }
    }

    /**
     * An upload sent in chunks, without a Content-Length, over or under 10 MB: one clear refusal and no ERROR. (Over
     * quarkus.http.limits.max-body-size, Quarkus answers 413 while reading it; the error page for the cut-off body was
     * then written as a second response, an ERROR in the log: ErrorPages leaves such a response alone.)
     */
    @Test
    void uploadsSentWithoutALength() throws Exception {
        attack.batch("chunked uploads");
        String cookies = editor.cookies().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(java.util.stream.Collectors.joining("; "));
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        byte[] over = oversized(editor.csrfToken());
        byte[] small = ("--b\r\nContent-Disposition: form-data; name=\"" + Sessions.CSRF + "\"\r\n\r\n"
                + editor.csrfToken() + "\r\n--b--\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        String hero = "/admin/articles/" + article.id + "/hero";
        for (String path : List.of(hero, "/comments", "/api/articles/" + article.slug + "/comments")) {
            for (byte[] body : List.of(over, small)) {
                java.net.http.HttpResponse<String> r = client.send(java.net.http.HttpRequest
                        .newBuilder(java.net.URI.create(io.restassured.RestAssured.baseURI + ":"
                                + io.restassured.RestAssured.port + path))
                        .header("Cookie", cookies).header("X-CSRF-TOKEN", editor.csrfToken())
                        .header("Content-Type", "multipart/form-data; boundary=" + (body == over ? "tribune-big" : "b"))
                        .POST(java.net.http.HttpRequest.BodyPublishers
                                .ofInputStream(() -> new java.io.ByteArrayInputStream(body)))
                        .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
                String what = "POST " + path + " chunked, " + body.length + " bytes";
                // a multipart body streams to disk up to quarkus.http.limits.max-body-size (200 MB, for imports), so
                // these are read and refused on their merits: a picture over 5 MB or none, no article, or no JSON
                // API for multipart (refused before the body is read)
                org.junit.jupiter.api.Assertions.assertTrue(List.of(400, 403, 404, 413, 415).contains(r.statusCode()),
                        what + " got " + r.statusCode());
            }
        }
    }

    @Test
    void sectionsAdmin() {
        Sessions.Session chief = session(ADMIN);
        attack.batch("sections admin");
        for (String junk : bad.texts(2)) {
            attack.refused("POST /admin/sections slug=" + junk, () -> postForm(chief, "/admin/sections",
                    Map.of("name", "", "slug", junk)), 400, 413);
        }
        for (String name : List.of("", " ", "x".repeat(121), BadInput.TWO_MB)) {
            attack.refused("POST /admin/sections name of " + name.length() + " chars", () -> postForm(chief,
                    "/admin/sections", Map.of("name", name, "slug", "fuzz-section")), 400, 413);
            attack.refused("POST rename to " + name.length() + " chars", () -> postForm(chief, "/admin/sections/" + sectionId,
                    Map.of("name", name)), 400, 413);
        }
        attack.refused("POST /admin/sections taken slug", () -> postForm(chief, "/admin/sections",
                Map.of("name", "News again", "slug", "news")), 400, 409);
        for (String id : bad.ids(2)) {
            if (id.isBlank()) {
                continue; // POST /admin/sections/ is the create form itself
            }
            String e = enc(id);
            attack.refused("POST /admin/sections/" + e, () -> raw(chief.form()).formParam("name", "x")
                    .post("/admin/sections/" + e), 400, 404, 405);
        }
        attack.refused("POST /admin/sections as the editor", () -> postForm(editor, "/admin/sections",
                Map.of("name", "Fuzz", "slug", "fuzz")), 403);
        AccountBadInputTest.formRefusals(attack, chief, "/admin/sections", Map.of("name", "Fuzz", "slug", "fuzz-csrf"));
        attack.refused("POST /admin/sections as text", () -> chief.given().contentType(ContentType.TEXT).body("name=x")
                .post("/admin/sections"), 400, 415);
    }

    /** A well-formed multipart body with a CSRF field and an 11 MB picture, sent with its Content-Length. */
    private static byte[] oversized(String csrfToken) {
        byte[] head = ("--tribune-big\r\nContent-Disposition: form-data; name=\"" + Sessions.CSRF + "\"\r\n\r\n" + csrfToken
                + "\r\n--tribune-big\r\nContent-Disposition: form-data; name=\"hero\"; filename=\"big.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] tail = "\r\n--tribune-big--\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] body = new byte[head.length + 11 * 1024 * 1024 + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(tail, 0, body, body.length - tail.length, tail.length);
        return body;
    }
}
