package io.tribune.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import io.quarkus.qute.TemplateExtension;

/**
 * Time as readers see it ({@code {t.display}}, in {@code tribune.time-zone} with its abbreviation) and as machines
 * read it ({@code {t.iso}}, always UTC).
 */
@TemplateExtension
public class TimeExtensions {

    static volatile Formats formats = new Formats(ZoneId.of("UTC"));

    record Formats(DateTimeFormatter display, DateTimeFormatter date) {
        Formats(ZoneId zone) {
            this(DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm zzz", Locale.UK).withZone(zone),
                    DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK).withZone(zone));
        }
    }


    static String display(Instant instant) {
        return instant == null ? "" : formats.display().format(instant);
    }

    static String date(Instant instant) {
        return instant == null ? "" : formats.date().format(instant);
    }

    /**
     * For {@code <time datetime>}, meta tags, Atom and the sitemap: to the second, as PostgreSQL's microseconds are
     * not a valid HTML date-time (at most three fractional digits) and no reader needs them.
     */
    public static String iso(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
