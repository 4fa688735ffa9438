package io.tribune.editorial;

import java.util.Map;

/** A form the desk cannot accept: messages by field name, shown next to the fields. Nothing was written. */
public class InvalidForm extends RuntimeException {

    private final Map<String, String> errors;

    public InvalidForm(Map<String, String> errors) {
        super(String.join(" ", errors.values()));
        this.errors = Map.copyOf(errors);
    }

    public InvalidForm(String field, String message) {
        this(Map.of(field, message));
    }

    public Map<String, String> errors() {
        return errors;
    }
}
