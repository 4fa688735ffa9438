package io.tribune.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateExtension.TemplateAttribute;

/**
 * Time as readers see it ({@code {t.display}}, in {@code tribune.time-zone} with its abbreviation) and as machines
 * read it ({@code {t.iso}}, always UTC). A logged-in reader who chose a zone of their own on /settings sees times in
 * it: {@link ReaderTimeZones} puts it on each template instance of their requests as the {@value #ZONE_ATTRIBUTE}
 * attribute.
 */
@TemplateExtension
public class TimeExtensions {

    /** The template instance attribute holding the reader's own {@link ZoneId}, when they chose one. */
    public static final String ZONE_ATTRIBUTE = "readerTimeZone";

    /** The zones a reader may choose: IANA region names (Area/Location) and UTC. */
    static final List<String> REGIONS = ZoneId.getAvailableZoneIds().stream()
            .filter(id -> id.equals("UTC") || id.matches("(Africa|America|Antarctica|Arctic|Asia|Atlantic|Australia|Europe|Indian|Pacific)/.+"))
            .sorted().toList();

    static volatile Formats formats = new Formats(ZoneId.of("UTC"));
    private static final Map<ZoneId, Formats> READER_FORMATS = new ConcurrentHashMap<>();

    record Formats(DateTimeFormatter display, DateTimeFormatter date) {
        Formats(ZoneId zone) {
            this(DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm zzz", Locale.UK).withZone(zone),
                    DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK).withZone(zone));
        }
    }


    static String display(Instant instant, @TemplateAttribute(ZONE_ATTRIBUTE) Object readerZone) {
        return instant == null ? "" : formatsFor(readerZone).display().format(instant);
    }

    static String date(Instant instant, @TemplateAttribute(ZONE_ATTRIBUTE) Object readerZone) {
        return instant == null ? "" : formatsFor(readerZone).date().format(instant);
    }

    private static Formats formatsFor(Object readerZone) {
        return readerZone instanceof ZoneId zone ? READER_FORMATS.computeIfAbsent(zone, Formats::new) : formats;
    }

    /** Whether the name is one of the zones a reader may choose. */
    public static boolean isRegion(String name) {
        return java.util.Collections.binarySearch(REGIONS, name) >= 0;
    }

    /** The zone a reader chose, if it is still one they may choose (null otherwise: the site's). */
    public static ZoneId readerZone(String name) {
        return name != null && isRegion(name) ? ZoneId.of(name) : null;
    }

    /**
     * For {@code <time datetime>}, meta tags, Atom and the sitemap: to the second, as PostgreSQL's microseconds are
     * not a valid HTML date-time (at most three fractional digits) and no reader needs them.
     */
    public static String iso(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
