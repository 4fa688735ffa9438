package io.tribune.account;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** IP addresses (only in the rate-limit log) do not outlive the limits that need them. */
@QuarkusTest
class AccountHousekeepingTest {

    @Inject
    AccountHousekeeping housekeeping;

    @Inject
    EntityManager em;

    long count(String bucket) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from rate_limit_event where bucket = ?1").setParameter(1, bucket).getSingleResult()).longValue());
    }

    @Test
    void oldRateLimitEventsArePurged() {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("insert into rate_limit_event (bucket, created_at) values ('purge-test:198.51.100.1', now() - interval '31 days')").executeUpdate();
            em.createNativeQuery("insert into rate_limit_event (bucket) values ('purge-test:198.51.100.2')").executeUpdate();
        });
        housekeeping.purge();
        assertEquals(0, count("purge-test:198.51.100.1"));
        assertEquals(1, count("purge-test:198.51.100.2"));
    }
}
