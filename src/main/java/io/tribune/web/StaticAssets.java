package io.tribune.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/**
 * The stylesheet and scripts under a URL that names their content, {@code /static/{hash}/{name}}, so that browsers
 * may keep them for a year without asking again ({@link StaticAssetRoute}) and still get the new file the moment a
 * deploy changes it. Templates write {@code {inject:assets.url('tribune.css')}}. The hashes are computed once at
 * start from the files on the class path.
 */
@Named("assets")
@ApplicationScoped
public class StaticAssets {

    /** The path prefix of fingerprinted URLs. */
    public static final String PREFIX = "/static/";

    /** Name in the URL → where the file is on the class path (htmx comes from its webjar). */
    static final Map<String, String> SOURCES = Map.of(
            "tribune.css", "META-INF/resources/css/tribune.css",
            "htmx.min.js", "META-INF/resources/webjars/htmx.org/2.0.7/dist/htmx.min.js",
            "moderation.js", "META-INF/resources/js/moderation.js",
            "live.js", "META-INF/resources/js/live.js",
            "actions.js", "META-INF/resources/js/actions.js",
            "favicon.svg", "META-INF/resources/favicon.svg");

    /** One file: its bytes, its content type and the fingerprint of those bytes. */
    public record Asset(String name, byte[] content, String contentType, String hash) {

        public String url() {
            return PREFIX + hash + "/" + name;
        }
    }

    private final Map<String, Asset> assets;

    StaticAssets() {
        this(StaticAssets::readClasspath);
    }

    /** For tests: assets read through {@code read} (resource path → bytes). */
    StaticAssets(Function<String, byte[]> read) {
        Map<String, Asset> loaded = new LinkedHashMap<>();
        SOURCES.forEach((name, path) -> {
            byte[] content = read.apply(path);
            loaded.put(name, new Asset(name, content, contentType(name), fingerprint(content)));
        });
        this.assets = Map.copyOf(loaded);
    }

    /** The fingerprinted URL of a known asset; an unknown name is a programming error in a template. */
    public String url(String name) {
        Asset asset = assets.get(name);
        if (asset == null) {
            throw new IllegalArgumentException("No static asset named " + name + "; known: " + SOURCES.keySet());
        }
        return asset.url();
    }

    public Optional<Asset> find(String name) {
        return Optional.ofNullable(assets.get(name));
    }

    /** The first 64 bits of the content's SHA-256, in hex: a different file gets a different URL. */
    static String fingerprint(byte[] content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String contentType(String name) {
        if (name.endsWith(".css")) {
            return "text/css;charset=UTF-8";
        }
        if (name.endsWith(".js")) {
            return "text/javascript;charset=UTF-8";
        }
        if (name.endsWith(".svg")) {
            return "image/svg+xml";
        }
        return "application/octet-stream";
    }

    private static byte[] readClasspath(String path) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Static asset missing from the class path: " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
