package io.tribune.web;

import java.time.ZoneId;

import io.quarkus.runtime.StartupEvent;
import io.tribune.config.TribuneConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Hands {@code tribune.time-zone} to {@link TimeExtensions} at start (template extension methods are static). */
@ApplicationScoped
public class SiteTimeZone {

    void start(@Observes StartupEvent event, TribuneConfig config) {
        use(config.timeZone());
    }

    static void use(ZoneId zone) {
        TimeExtensions.formats = new TimeExtensions.Formats(zone);
    }
}
