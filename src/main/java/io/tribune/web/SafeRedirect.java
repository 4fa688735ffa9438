package io.tribune.web;

import java.net.URI;
import java.util.Optional;

/** Where to send someone back to after a form: only a path on this site, never another host. */
public final class SafeRedirect {

    private SafeRedirect() {
    }

    /** The path itself if it is a same-site path ("/articles/x?page=2"), else empty. */
    public static Optional<String> path(String candidate) {
        if (candidate == null || candidate.isBlank() || candidate.length() > 500) {
            return Optional.empty();
        }
        String p = candidate.trim();
        if (!p.startsWith("/") || p.startsWith("//") || p.contains("\\")) {
            return Optional.empty();
        }
        for (char c : p.toCharArray()) {
            if (c < 0x21 || c == 0x7f) {
                return Optional.empty();
            }
        }
        try {
            URI uri = new URI(p);
            if (uri.getScheme() != null || uri.getRawAuthority() != null) {
                return Optional.empty();
            }
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
        return Optional.of(p);
    }

    /** The path of a Referer header if it points at this host. */
    public static Optional<String> fromReferer(String referer, String host) {
        if (referer == null || host == null) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(referer);
            if (!host.equalsIgnoreCase(uri.getRawAuthority())) {
                return Optional.empty();
            }
            String p = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            return path(p);
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
    }
}
