package io.tribune.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Times are shown in the configured zone with its abbreviation; machine-readable times stay UTC, in seconds. */
class TimeExtensionsTest {

    private static final Instant SUMMER_IN_NZ = Instant.parse("2026-12-04T02:04:05.123456Z");
    private static final Instant WINTER_IN_NZ = Instant.parse("2026-07-04T02:04:05Z");

    @AfterEach
    void backToUtc() {
        SiteTimeZone.use(ZoneId.of("UTC"));
    }

    @Test
    void theSiteZoneIsShownWithItsAbbreviation() {
        SiteTimeZone.use(ZoneId.of("Pacific/Auckland"));
        assertEquals("4 Dec 2026, 15:04 NZDT", TimeExtensions.display(SUMMER_IN_NZ, null));
        assertEquals("4 Jul 2026, 14:04 NZST", TimeExtensions.display(WINTER_IN_NZ, null));
        assertEquals("4 December 2026", TimeExtensions.date(SUMMER_IN_NZ, null));
        assertEquals("2026-12-04T02:04:05Z", TimeExtensions.iso(SUMMER_IN_NZ).replaceAll("\\.\\d+Z$", "Z"));
    }

    @Test
    void utcIsTheDefault() {
        assertEquals("4 Dec 2026, 02:04 UTC", TimeExtensions.display(SUMMER_IN_NZ, null));
    }
}
