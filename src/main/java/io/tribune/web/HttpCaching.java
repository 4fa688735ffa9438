package io.tribune.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import io.tribune.config.TribuneConfig;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * HTTP caching of public pages (those readers without an account get): an {@code ETag} computed once from the
 * page's bytes, {@code 304 Not Modified} for a matching {@code If-None-Match}, and a {@code Cache-Control} that lets
 * shared caches keep the page ({@code tribune.http-cache.*}). Only for responses to requests without a session
 * cookie: a page with a session is never marked public.
 */
@ApplicationScoped
public class HttpCaching {

    /** Public pages differ by these request headers only: compression, and whether a session cookie was sent. */
    public static final String VARY = "Accept-Encoding, Cookie";

    private final String cacheControl;

    HttpCaching(TribuneConfig config) {
        long sMaxAge = config.httpCache().sMaxAge().toSeconds();
        long stale = config.httpCache().staleWhileRevalidate().toSeconds();
        this.cacheControl = "public, max-age=0" + (sMaxAge > 0 ? ", s-maxage=" + sMaxAge : "")
                + (stale > 0 ? ", stale-while-revalidate=" + stale : "");
    }

    /**
     * A public page's response: 304 when the client already holds this tag, else the page. The server's own
     * compression applies to it as to any response; a compressed copy differs only in transfer, and caches
     * key it by {@code Vary: Accept-Encoding}.
     */
    public Response publicPage(Object entity, String etag, String ifNoneMatch) {
        return publicPage(entity, etag, ifNoneMatch, MediaType.TEXT_HTML + ";charset=UTF-8");
    }

    public Response publicPage(Object entity, String etag, String ifNoneMatch, String type) {
        Response.ResponseBuilder response = matches(ifNoneMatch, etag) ? Response.notModified()
                : Response.ok(entity, type);
        return response.header(HttpHeaders.ETAG, etag).header(HttpHeaders.CACHE_CONTROL, cacheControl)
                .header(HttpHeaders.VARY, VARY).build();
    }

    /** The {@code Cache-Control} of a public page. */
    public String cacheControl() {
        return cacheControl;
    }

    /** A strong entity tag for these bytes (a digest: the same bytes on every instance give the same tag). */
    public static String etag(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return '"' + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22) + '"';
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every JDK has SHA-256
        }
    }

    public static String etag(String text) {
        return etag(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The tag of the gzipped form of a page whose tag is {@code etag}: another representation, another tag. */
    public static String gzipped(String etag) {
        return etag.substring(0, etag.length() - 1) + "-gz\"";
    }

    /** Whether an {@code If-None-Match} header names this tag (weak comparison, as RFC 9110 asks for GET). */
    public static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || etag == null) {
            return false;
        }
        String wanted = opaque(etag);
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || opaque(tag).equals(wanted)) {
                return true;
            }
        }
        return false;
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}
