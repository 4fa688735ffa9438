package io.tribune.comment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.quarkus.qute.TemplateExtension;
import io.tribune.article.Article;

/**
 * Slow mode in words: "Slow mode: one comment every 2 minutes" above the comment box, "You can comment again in
 * 1 minute 12 seconds" when a comment comes too soon. Moderators set it per article (io.tribune.moderation).
 */
public final class SlowMode {

    /** The most a moderator may set: one comment a day. */
    public static final int MAX_SECONDS = 86_400;

    private SlowMode() {
    }

    /** The line above the comment box, or null when slow mode is off. */
    @TemplateExtension
    static String slowModeLine(Article article) {
        return article.slowModeSeconds > 0 ? "Slow mode: one comment every " + interval(article.slowModeSeconds) : null;
    }

    /** "2 minutes", "1 minute 30 seconds", "1 hour", "1 day" ("every 1 minute" reads as "every minute"). */
    public static String interval(int seconds) {
        return seconds == 60 ? "minute" : seconds == 3600 ? "hour" : seconds == 86_400 ? "day" : duration(seconds);
    }

    /** Hours, minutes and seconds in words, leaving out the parts that are zero: "1 minute 12 seconds". */
    public static String duration(long seconds) {
        long days = seconds / 86_400;
        long hours = seconds % 86_400 / 3600;
        long minutes = seconds % 3600 / 60;
        long rest = seconds % 60;
        List<String> parts = new ArrayList<>();
        add(parts, days, "day");
        add(parts, hours, "hour");
        add(parts, minutes, "minute");
        add(parts, rest, "second");
        return parts.isEmpty() ? "0 seconds" : String.join(" ", parts);
    }

    /** The refusal for a comment that comes {@code wait} too soon (rounded up to the second). */
    static String tooSoon(Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return "Slow mode is on for this article: you can comment again in " + duration(seconds) + ".";
    }

    private static void add(List<String> parts, long n, String unit) {
        if (n > 0) {
            parts.add(n + " " + unit + (n == 1 ? "" : "s"));
        }
    }
}
