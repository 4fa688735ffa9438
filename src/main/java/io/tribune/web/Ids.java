package io.tribune.web;

import java.util.Optional;

/** Parses an id from a path or form value: a positive whole number, or empty for anything else. */
public final class Ids {

    private Ids() {
    }

    public static Optional<Long> parse(String raw) {
        try {
            long id = Long.parseLong(raw == null ? "" : raw.trim());
            return id > 0 ? Optional.of(id) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
