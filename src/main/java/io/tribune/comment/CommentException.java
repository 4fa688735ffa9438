package io.tribune.comment;

/**
 * A comment action refused by a rule, with the HTTP status that fits and, for form errors, the field to show the
 * message next to. Pages put the message on the form; the API returns it as JSON.
 */
public class CommentException extends RuntimeException {

    private final int status;
    private final String field;

    public CommentException(int status, String field, String message) {
        super(message);
        this.status = status;
        this.field = field;
    }

    public static CommentException invalid(String message) {
        return new CommentException(400, "body", message);
    }

    public static CommentException forbidden(String message) {
        return new CommentException(403, null, message);
    }

    public static CommentException notFound() {
        return new CommentException(404, null, "There is no such comment.");
    }

    public static CommentException conflict(String field, String message) {
        return new CommentException(409, field, message);
    }

    public static CommentException tooSoon(String message) {
        return new CommentException(429, "body", message);
    }

    public int status() {
        return status;
    }

    public String field() {
        return field;
    }
}
