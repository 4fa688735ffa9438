package io.tribune.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Fingerprints without a server: the URL follows the content, and only the content. */
class StaticAssetsTest {

    @Test
    void theUrlChangesWhenTheContentDoesAndOnlyThen() {
        Map<String, String> files = new HashMap<>();
        StaticAssets.SOURCES.values().forEach(path -> files.put(path, "content of " + path));
        StaticAssets before = new StaticAssets(path -> bytes(files.get(path)));
        StaticAssets same = new StaticAssets(path -> bytes(files.get(path)));

        files.put(StaticAssets.SOURCES.get("tribune.css"), "body { color: red }");
        StaticAssets after = new StaticAssets(path -> bytes(files.get(path)));

        assertEquals(before.url("tribune.css"), same.url("tribune.css"), "same content, same URL");
        assertNotEquals(before.url("tribune.css"), after.url("tribune.css"), "new content, new URL");
        assertEquals(before.url("htmx.min.js"), after.url("htmx.min.js"), "an unchanged file keeps its URL");
        assertTrue(after.url("tribune.css").matches("/static/[0-9a-f]{16}/tribune\\.css"), after.url("tribune.css"));
        assertEquals(StaticAssets.fingerprint(bytes("body { color: red }")), after.find("tribune.css").orElseThrow().hash());
    }

    @Test
    void theRealFilesAreFound() {
        StaticAssets assets = new StaticAssets();
        for (String name : StaticAssets.SOURCES.keySet()) {
            assertTrue(assets.find(name).orElseThrow().content().length > 0, name);
        }
        assertTrue(assets.find("htmx.min.js").orElseThrow().contentType().startsWith("text/javascript"));
        assertTrue(assets.find("tribune.css").orElseThrow().contentType().startsWith("text/css"));
        assertThrows(IllegalArgumentException.class, () -> assets.url("nothing.css"));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
