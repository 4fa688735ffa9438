package io.tribune.moderation;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/** Lifts suspensions whose time is up. Every instance runs it; the update is idempotent. */
@ApplicationScoped
public class SuspensionExpiry {

    private final UserSanctions sanctions;

    SuspensionExpiry(UserSanctions sanctions) {
        this.sanctions = sanctions;
    }

    @Scheduled(every = "${tribune.moderation.suspension-check-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        sanctions.liftExpiredSuspensions();
    }
}
