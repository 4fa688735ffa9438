package io.tribune.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import io.quarkus.qute.TemplateExtension;

/** Time as readers see it ({@code {t.display}}) and as machines read it ({@code {t.iso}}). */
@TemplateExtension
public class TimeExtensions {

    private static final DateTimeFormatter DISPLAY = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.UK)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK)
            .withZone(ZoneOffset.UTC);

    static String display(Instant instant) {
        return instant == null ? "" : DISPLAY.format(instant);
    }

    static String date(Instant instant) {
        return instant == null ? "" : DATE.format(instant);
    }

    static String iso(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }
}
