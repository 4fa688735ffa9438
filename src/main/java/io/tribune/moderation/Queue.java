package io.tribune.moderation;

import java.util.Arrays;
import java.util.Optional;

/** The moderators' queues of comments. */
public enum Queue {
    REPORTED("reported", "Reported", "Comments with open reports, most reported first."),
    HELD("held", "Held", "Comments held for review before they appear: new accounts, suspect words, \"always hold\" users."),
    RECENT("recent", "Recent", "Every comment, newest first."),
    REMOVED("removed", "Removed", "Comments removed by a moderator, newest first.");

    public final String slug;
    public final String title;
    public final String description;

    Queue(String slug, String title, String description) {
        this.slug = slug;
        this.title = title;
        this.description = description;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public static Optional<Queue> parse(String slug) {
        return Arrays.stream(values()).filter(q -> q.slug.equals(slug)).findFirst();
    }
}
