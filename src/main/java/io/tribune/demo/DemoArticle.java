package io.tribune.demo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A demo article file: a {@code ---} front-matter block of {@code key: value} lines, then the Markdown body. */
record DemoArticle(Map<String, String> fields, List<Note> updates, String body) {

    record Note(Instant at, String text) {
    }

    static DemoArticle parse(String text) {
        String[] parts = text.split("(?m)^---\\s*$", 3);
        if (parts.length < 3) {
            throw new IllegalArgumentException("Demo article without front matter");
        }
        Map<String, String> fields = new HashMap<>();
        List<Note> updates = new ArrayList<>();
        for (String line : parts[1].split("\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            if (key.equals("update")) {
                int bar = value.indexOf('|');
                updates.add(new Note(Instant.parse(value.substring(0, bar).trim()), value.substring(bar + 1).trim()));
            } else {
                fields.put(key, value);
            }
        }
        return new DemoArticle(fields, updates, parts[2].strip() + "\n");
    }

    String get(String key) {
        return fields.get(key);
    }
}
