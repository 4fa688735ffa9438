package io.tribune.notification;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates as notices and emails write them. */
final class Texts {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.UK)
            .withZone(ZoneOffset.UTC);

    private Texts() {
    }

    static String date(Instant i) {
        return i == null ? "(no date)" : DATE.format(i);
    }

    static String dateTime(Instant i) {
        return i == null ? "(no date)" : DATE_TIME.format(i);
    }
}
