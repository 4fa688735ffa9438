package io.tribune.feed;

import java.net.URI;

import io.tribune.config.TribuneConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/** Absolute addresses built from {@code tribune.base-url}: {@code {inject:links.base}} in templates. */
@Named("links")
@ApplicationScoped
public class Links {

    private final String base;
    private final String host;

    Links(TribuneConfig config) {
        String url = config.baseUrl().strip();
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        String h = URI.create(base).getHost();
        this.host = h == null ? "localhost" : h;
    }

    /** The site's address without a trailing slash. */
    public String base() {
        return base;
    }

    /** {@code path} made absolute; an address that is absolute already is kept. */
    public String absolute(String path) {
        if (path == null) {
            return base + "/";
        }
        return path.startsWith("http://") || path.startsWith("https://") ? path : base + path;
    }

    /** A permanent entry id (RFC 4151 tag URI) that survives slug changes. */
    String tag(String kind, long id) {
        return "tag:" + host + ",2026:" + kind + ":" + id;
    }
}
