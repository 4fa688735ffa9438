package io.tribune.support;

import java.time.Instant;

import io.tribune.account.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Applies a provider's event once: the event id is stored in the same transaction as its effect. */
@ApplicationScoped
public class SupporterEvents {

    private final EntityManager em;
    private final SupporterService supporters;

    SupporterEvents(EntityManager em, SupporterService supporters) {
        this.em = em;
        this.supporters = supporters;
    }

    /** "granted", "ended", "duplicate", "no-account" or "ignored" (an event type the site does not use). */
    @Transactional
    public String handle(String eventId, String type, String email, Instant until) {
        int fresh = em.createNativeQuery("insert into supporter_event (event_id, type, received_at)"
                + " values (?1, ?2, now()) on conflict (event_id) do nothing")
                .setParameter(1, eventId).setParameter(2, type.length() > 60 ? type.substring(0, 60) : type)
                .executeUpdate();
        if (fresh == 0) {
            return "duplicate";
        }
        if (!"checkout.completed".equals(type) && !"subscription.ended".equals(type)) {
            return "ignored";
        }
        User user = User.<User>find("lower(email) = ?1", email.toLowerCase(java.util.Locale.ROOT)).firstResult();
        if (user == null) {
            return "no-account";
        }
        if ("checkout.completed".equals(type)) {
            supporters.grant(user, until, "provider");
            return "granted";
        }
        supporters.end(user);
        return "ended";
    }
}
