package io.tribune.importer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.tribune.testsupport.Sessions;

/** {@code /admin/import}: admins only, CSRF, the report, and the one route allowed a body over 10 MB. */
@QuarkusTest
class ImportPagesTest {

    static Response upload(Sessions.Session session, String kind, File file) {
        return session.given().multiPart(Sessions.CSRF, session.csrfToken()).multiPart("kind", kind)
                .multiPart("file", file, "text/xml").post("/admin/import");
    }

    @Test
    void anAdminUploadsAnExportAndSeesTheReport() {
        Sessions.Session admin = Sessions.newUser("import-admin", "admin");
        admin.given().get("/admin/import").then().statusCode(200).header("Cache-Control", "no-store")
                .body(containsString("enctype=\"multipart/form-data\""));
        upload(admin, "wordpress", ImportTest.WORDPRESS.toFile()).then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body(containsString("<td>articles</td>"))
                .body(containsString("1 × unapproved comment"))
                .body(containsString("line 193: comment 9201: it has no date"));
        given().get("/articles/cafe-robots-wxr-fixture").then().statusCode(200)
                .body(containsString("Depth three: a reply to Ned."));
        // a second upload of the same file creates nothing
        String again = upload(admin, "wordpress", ImportTest.WORDPRESS.toFile()).then().statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(again.contains("<tr><td>comments</td><td>0</td><td>5</td></tr>"), again);
    }

    @Test
    void badFilesAreRefusedOnTheFormWithTheirLine() {
        Sessions.Session admin = Sessions.newUser("import-admin", "admin");
        upload(admin, "wordpress", new File("src/test/resources/import/malformed.xml")).then().statusCode(422)
                .body(containsString("Line 15, column")).body(containsString("Nothing was imported"));
        upload(admin, "disqus", ImportTest.WORDPRESS.toFile()).then().statusCode(422)
                .body(containsString("This is not a Disqus export"));
        upload(admin, "movable-type", ImportTest.WORDPRESS.toFile()).then().statusCode(422)
                .body(containsString("Choose what the file is"));
        admin.given().multiPart(Sessions.CSRF, admin.csrfToken()).multiPart("kind", "wordpress").post("/admin/import")
                .then().statusCode(422).body(containsString("Choose the export file"));
    }

    @Test
    void onlyAdminsMayImportAndOnlyWithTheirToken() {
        for (String role : new String[] { "moderator", "editor" }) {
            Sessions.Session other = Sessions.newUser("import-" + role, role);
            other.given().get("/admin/import").then().statusCode(403);
            upload(other, "wordpress", ImportTest.WORDPRESS.toFile()).then().statusCode(403);
        }
        Sessions.Session commenter = Sessions.newUser("import-commenter");
        commenter.given().get("/admin/import").then().statusCode(403);
        upload(commenter, "wordpress", ImportTest.WORDPRESS.toFile()).then().statusCode(403);
        given().redirects().follow(false).get("/admin/import").then().statusCode(not(equalTo(200)));
        Sessions.Session admin = Sessions.newUser("import-admin", "admin");
        admin.given().multiPart(Sessions.CSRF, "forged").multiPart("kind", "wordpress")
                .multiPart("file", ImportTest.WORDPRESS.toFile(), "text/xml").post("/admin/import")
                .then().statusCode(org.hamcrest.Matchers.oneOf(400, 403));
    }

    @Test
    void theImportRouteAloneTakesBodiesOverTenMegabytes() {
        Sessions.Session admin = Sessions.newUser("import-admin", "admin");
        byte[] file = new byte[11 * 1024 * 1024];
        java.util.Arrays.fill(file, (byte) 'x');
        byte[] start = "<?xml version=\"1.0\"?><rss><channel><!-- ".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(start, 0, file, 0, start.length);
        // with its length declared (as browsers send it): read to the end (a comment never closed), refused as
        // malformed, not as too large
        admin.given().contentType("multipart/form-data; boundary=tribune-import").body(multipart(admin.csrfToken(), "file", file))
                .post("/admin/import").then().statusCode(422).body(containsString("not well-formed"));
        // the same body anywhere else: 413 before it is read
        admin.given().contentType("multipart/form-data; boundary=tribune-import").body(multipart(admin.csrfToken(), "hero", file))
                .post("/admin/articles/1/hero").then().statusCode(413);
        // a body of unknown length that is not multipart is refused outside the import (Vert.x would hold it in memory)
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:"
                + io.restassured.RestAssured.port + "/settings/profile"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream("displayName=x".getBytes(StandardCharsets.UTF_8))))
                .build();
        int chunked;
        try {
            chunked = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build()
                    .send(request, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
        assertEquals(411, chunked);
    }

    static byte[] multipart(String token, String field, byte[] file) {
        var out = new java.io.ByteArrayOutputStream();
        String head = "--tribune-import\r\nContent-Disposition: form-data; name=\"csrf-token\"\r\n\r\n" + token
                + "\r\n--tribune-import\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nwordpress\r\n"
                + "--tribune-import\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"big.xml\"\r\n"
                + "Content-Type: text/xml\r\n\r\n";
        out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(file);
        out.writeBytes("\r\n--tribune-import--\r\n".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
