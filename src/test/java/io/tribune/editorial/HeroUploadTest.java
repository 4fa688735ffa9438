package io.tribune.editorial;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import io.tribune.article.Article;
import jakarta.inject.Inject;

@QuarkusTest
@TestSecurity(user = HeroUploadTest.EDITOR, roles = { "editor" })
class HeroUploadTest {

    static final String EDITOR = "upload-editor";
    static final String SECRET = "SECRETGPS51.5N";

    @Inject
    EditorialFixtures fixtures;

    Article article;
    DeskForms desk;

    @BeforeEach
    void setUp() {
        article = fixtures.published(fixtures.user(EDITOR, "commenter,editor"), "news", "Picture test", "s", "b");
        desk = DeskForms.open("/admin/articles");
    }

    @Test
    void pngIsStoredWithoutMetadataAndServedWithCacheHeaders() throws IOException {
        byte[] png = withPngChunks(image("png"));
        assertTrue(contains(png, SECRET));
        String url = upload("photo.png", "image/png", png);

        Response r = desk.page().get(url);
        assertEquals(200, r.statusCode());
        assertEquals("image/png", r.contentType());
        assertTrue(r.header("Cache-Control").contains("max-age=31536000"));
        String etag = r.header("ETag");
        assertNotNull(etag);
        byte[] served = r.asByteArray();
        assertFalse(contains(served, SECRET), "text chunk removed");
        assertFalse(contains(served, "eXIf"), "EXIF chunk removed");
        assertNotNull(ImageIO.read(new ByteArrayInputStream(served)), "still a picture");
        desk.page().header("If-None-Match", etag).get(url).then().statusCode(304);
        desk.page().get("/articles/" + article.slug).then().statusCode(200)
                .body(containsString("src=\"" + url + "\""))
                .body(containsString("og:image\" content=\"http://localhost:8080" + url + "\""));
    }

    @Test
    void jpegLosesItsExif() throws IOException {
        byte[] jpeg = withExifSegment(image("jpeg"));
        assertTrue(contains(jpeg, SECRET));
        String url = upload("photo.jpg", "image/jpeg", jpeg);
        byte[] served = desk.page().get(url).then().statusCode(200).contentType("image/jpeg").extract().asByteArray();
        assertFalse(contains(served, SECRET));
        assertFalse(contains(served, "Exif"));
        assertNotNull(ImageIO.read(new ByteArrayInputStream(served)));
    }

    @Test
    void webpLosesItsExifAndXmpChunks() {
        byte[] webp = webp();
        assertTrue(contains(webp, SECRET));
        String url = upload("photo.webp", "image/webp", webp);
        byte[] served = desk.page().get(url).then().statusCode(200).contentType("image/webp").extract().asByteArray();
        assertFalse(contains(served, SECRET));
        assertFalse(contains(served, "EXIF"));
        assertFalse(contains(served, "XMP "));
        assertTrue(contains(served, "VP8L"), "the picture data is kept");
        assertEquals(0, served[20] & 0x0c, "VP8X no longer claims EXIF or XMP");
    }

    @Test
    void tooBigWrongTypeAndLyingFilesAreRefused() throws IOException {
        byte[] big = new byte[5 * 1024 * 1024 + 1];
        System.arraycopy(image("png"), 0, big, 0, 8);
        refused("big.png", "image/png", big, "too big");
        refused("anim.gif", "image/gif", "GIF89a\1\0\1\0\0\0\0;".getBytes(StandardCharsets.ISO_8859_1),
                "Upload a JPEG, PNG or WebP picture.");
        refused("photo.jpg", "image/jpeg", "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8),
                "Upload a JPEG, PNG or WebP picture.");
        byte[] fakePng = image("png").clone();
        for (int i = 16; i < fakePng.length; i++) {
            fakePng[i] = 0x55;
        }
        refused("broken.png", "image/png", fakePng, "could not be read");
        assertEquals(null, fixtures.reload(article.id).heroUrl, "nothing changed");
    }

    @Test
    void aPlainFormPostIsAClientErrorNotA500() {
        int status = desk.form().formParam("hero", "not a file")
                .post("/admin/articles/" + article.id + "/hero").then().extract().statusCode();
        assertEquals(415, status);
        assertEquals(null, fixtures.reload(article.id).heroUrl);
    }

    @Test
    void uploadsNeedTheCsrfToken() throws IOException {
        io.restassured.RestAssured.given().redirects().follow(false).cookie("csrf-token", desk.cookie)
                .multiPart("hero", "photo.png", image("png"), "image/png")
                .post("/admin/articles/" + article.id + "/hero").then().statusCode(400);
        assertEquals(null, fixtures.reload(article.id).heroUrl);
        desk.multipart().multiPart("hero", "photo.png", image("png"), "image/png")
                .post("/admin/articles/999999999/hero").then().statusCode(404);
    }

    @Test
    void demoPicturesAreStillServedAsStaticFiles() {
        desk.page().get("/images/demo/linkedin-ai.svg").then().statusCode(200);
        desk.page().get("/images/999999999").then().statusCode(404);
    }

    private String upload(String name, String type, byte[] data) {
        desk.multipart().multiPart("hero", name, data, type).post("/admin/articles/" + article.id + "/hero").then()
                .statusCode(303);
        String url = fixtures.reload(article.id).heroUrl;
        assertTrue(url.matches("/images/\\d+"), url);
        return url;
    }

    private void refused(String name, String type, byte[] data, String message) {
        desk.multipart().multiPart("hero", name, data, type).post("/admin/articles/" + article.id + "/hero").then()
                .statusCode(400).body(containsString(message));
    }

    static byte[] image(String format) throws IOException {
        BufferedImage img = new BufferedImage(16, 12, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 16; x++) {
            for (int y = 0; y < 12; y++) {
                img.setRGB(x, y, (x * 16) << 16 | (y * 20) << 8 | 0x40);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, format, out);
        return out.toByteArray();
    }

    /** Inserts a tEXt and an eXIf chunk right after IHDR. */
    static byte[] withPngChunks(byte[] png) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, 33);
        out.writeBytes(pngChunk("tEXt", ("Comment\0" + SECRET).getBytes(StandardCharsets.ISO_8859_1)));
        out.writeBytes(pngChunk("eXIf", ("MM\0*" + SECRET).getBytes(StandardCharsets.ISO_8859_1)));
        out.write(png, 33, png.length - 33);
        return out.toByteArray();
    }

    private static byte[] pngChunk(String type, byte[] data) {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length).putInt(data.length).put(t).put(data).putInt((int) crc.getValue())
                .array();
    }

    /** Inserts an APP1 Exif segment right after SOI. */
    static byte[] withExifSegment(byte[] jpeg) {
        byte[] payload = ("Exif\0\0MM\0*\0\0\0\10" + SECRET).getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(0xFF);
        out.write(0xE1);
        int len = payload.length + 2;
        out.write(len >> 8);
        out.write(len & 0xff);
        out.writeBytes(payload);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** A WebP container: VP8X (flags EXIF+XMP), a stand-in VP8L chunk, an EXIF and an XMP chunk. */
    static byte[] webp() {
        byte[] vp8x = new byte[10];
        vp8x[0] = 0x0c;
        byte[] body = concat(webpChunk("VP8X", vp8x), webpChunk("VP8L", new byte[] { 0x2f, 1, 2, 3, 4 }),
                webpChunk("EXIF", ("MM\0*" + SECRET).getBytes(StandardCharsets.ISO_8859_1)),
                webpChunk("XMP ", ("<x:xmpmeta>" + SECRET + "</x:xmpmeta>").getBytes(StandardCharsets.ISO_8859_1)));
        ByteBuffer b = ByteBuffer.allocate(12 + body.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(4 + body.length)
                .put("WEBP".getBytes(StandardCharsets.US_ASCII)).put(body);
        return b.array();
    }

    private static byte[] webpChunk(String fourcc, byte[] data) {
        int padded = data.length + (data.length & 1);
        ByteBuffer b = ByteBuffer.allocate(8 + padded).order(ByteOrder.LITTLE_ENDIAN);
        b.put(fourcc.getBytes(StandardCharsets.US_ASCII)).putInt(data.length).put(data);
        return b.array();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static boolean contains(byte[] haystack, String needle) {
        return new String(haystack, StandardCharsets.ISO_8859_1).contains(needle);
    }
}
