package io.tribune.notification;

import java.util.Optional;

import io.tribune.account.User;

/** The emails a user chooses on /settings, each with its own unsubscribe link. */
public enum EmailKind {
    REPLIES("replies to your comments"),
    MENTIONS("mentions of your username"),
    MODERATION("moderation decisions on your comments"),
    REPORTS("the outcome of your reports");

    /** As in "emails about …". */
    public final String about;

    EmailKind(String about) {
        this.about = about;
    }

    public boolean chosenBy(User user) {
        return switch (this) {
            case REPLIES -> user.notifyReplies;
            case MENTIONS -> user.notifyMentions;
            case MODERATION -> user.notifyModeration;
            case REPORTS -> user.notifyReports;
        };
    }

    void stopFor(User user) {
        switch (this) {
            case REPLIES -> user.notifyReplies = false;
            case MENTIONS -> user.notifyMentions = false;
            case MODERATION -> user.notifyModeration = false;
            case REPORTS -> user.notifyReports = false;
        }
    }

    static Optional<EmailKind> parse(String raw) {
        for (EmailKind k : values()) {
            if (k.name().equals(raw)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
