package io.tribune.web;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a form shows after a failed submit: the values typed (never passwords), an error per field and an
 * optional message for the whole form. Templates read it as {@code form.value('email')}, {@code form.error('email')}.
 */
public class FormState {

    private final Map<String, String> values = new HashMap<>();
    private final Map<String, String> errors = new LinkedHashMap<>();
    private String message;

    public static FormState empty() {
        return new FormState();
    }

    public FormState value(String field, String value) {
        values.put(field, value);
        return this;
    }

    public FormState error(String field, String error) {
        errors.putIfAbsent(field, error);
        return this;
    }

    public FormState message(String message) {
        this.message = message;
        return this;
    }

    public String value(String field) {
        return values.getOrDefault(field, "");
    }

    public String error(String field) {
        return errors.get(field);
    }

    public boolean hasError(String field) {
        return errors.containsKey(field);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public Map<String, String> errors() {
        return errors;
    }

    public String message() {
        return message;
    }
}
