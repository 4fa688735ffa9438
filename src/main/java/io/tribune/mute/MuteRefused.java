package io.tribune.mute;

/** A mute or unmute that cannot be done, with the status that fits and the reason in plain words. */
public class MuteRefused extends RuntimeException {

    private final int status;

    MuteRefused(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
