package io.tribune.editorial;

import java.text.Normalizer;
import java.util.Locale;

/** URL slugs: lower-case ASCII letters, digits and single hyphens. */
final class Slugs {

    static final int MAX = 160;

    private Slugs() {
    }

    static String of(String text) {
        String ascii = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > 80) {
            slug = slug.substring(0, 80).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "article" : slug;
    }
}
