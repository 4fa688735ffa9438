package io.tribune.replica;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The replica in {@code /q/health}: always UP, since reads fall back to the primary, but saying whether it is in use,
 * skipped and why, and how far behind it is.
 */
@Readiness
@ApplicationScoped
public class ReplicaHealth implements HealthCheck {

    static final String NAME = "Read replica";

    private final Replica replica;

    ReplicaHealth(Replica replica) {
        this.replica = replica;
    }

    @Override
    public HealthCheckResponse call() {
        ReplicaState state = replica.state();
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).up().withData("replica", replica.describe());
        if (state.reachable()) {
            response.withData("lagSeconds", String.format(java.util.Locale.ROOT, "%.3f", state.lagSeconds()))
                    .withData("replayedPosition", state.position());
        }
        return response.build();
    }
}
