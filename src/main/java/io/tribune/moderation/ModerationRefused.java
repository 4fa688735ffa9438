package io.tribune.moderation;

/** A moderation rule said no: carries the HTTP status and the message shown to the person who asked. */
public class ModerationRefused extends RuntimeException {

    private final int status;

    public ModerationRefused(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    static ModerationRefused forbidden(String message) {
        return new ModerationRefused(403, message);
    }

    static ModerationRefused notFound(String message) {
        return new ModerationRefused(404, message);
    }

    static ModerationRefused conflict(String message) {
        return new ModerationRefused(409, message);
    }

    static ModerationRefused invalid(String message) {
        return new ModerationRefused(400, message);
    }
}
