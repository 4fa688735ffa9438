package io.tribune.web;

import java.time.ZoneId;
import java.util.List;

import io.quarkus.runtime.StartupEvent;
import io.tribune.config.TribuneConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Named;

/**
 * Hands {@code tribune.time-zone} to {@link TimeExtensions} at start (template extension methods are static), and
 * tells the settings page the site's zone and the zones a reader may choose instead.
 */
@ApplicationScoped
@Named("siteTimeZone")
public class SiteTimeZone {

    private ZoneId zone = ZoneId.of("UTC");

    void start(@Observes StartupEvent event, TribuneConfig config) {
        zone = config.timeZone();
        use(zone);
    }

    static void use(ZoneId zone) {
        TimeExtensions.formats = new TimeExtensions.Formats(zone);
    }

    public String name() {
        return zone.getId();
    }

    public List<String> regions() {
        return TimeExtensions.REGIONS;
    }
}
