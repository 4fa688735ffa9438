package io.tribune.web;

import java.time.ZoneId;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.qute.EngineBuilder;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;

/**
 * Gives every template rendered for a logged-in reader who chose their own time zone that zone, as the
 * {@value TimeExtensions#ZONE_ATTRIBUTE} attribute read by {@link TimeExtensions}. The session check puts the zone on
 * the identity (no query here). Templates rendered outside a request (emails, the anonymous page cache) keep the
 * site's zone.
 */
@Singleton
public class ReaderTimeZones implements TemplateInstance.Initializer {

    private final Instance<SecurityIdentity> identity;

    ReaderTimeZones(Instance<SecurityIdentity> identity) {
        this.identity = identity;
    }

    void register(@Observes EngineBuilder engine) {
        engine.addTemplateInstanceInitializer(this);
    }

    @Override
    public void accept(TemplateInstance instance) {
        ZoneId zone = current();
        if (zone != null) {
            instance.setAttribute(TimeExtensions.ZONE_ATTRIBUTE, zone);
        }
    }

    /** The zone of the reader of the current request, or null for the site's. */
    public ZoneId current() {
        ManagedContext request = Arc.container().requestContext();
        if (!request.isActive()) {
            return null;
        }
        SecurityIdentity who = identity.get();
        return who.isAnonymous() ? null : who.getAttribute(TimeExtensions.ZONE_ATTRIBUTE);
    }
}
