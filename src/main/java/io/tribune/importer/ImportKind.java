package io.tribune.importer;

import java.util.Locale;
import java.util.Optional;

/** What an import file is: a WordPress WXR export or a Disqus XML export. */
public enum ImportKind {
    WORDPRESS, DISQUS;

    /** The name used on the command line, in the upload form and in {@code import_source.kind}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ImportKind> of(String key) {
        for (ImportKind kind : values()) {
            if (kind.key().equalsIgnoreCase(key == null ? "" : key.strip())) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
