package io.tribune.account;

import java.time.Duration;
import java.time.Instant;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.tribune.config.TribuneConfig;
import io.tribune.web.RateLimiter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Hourly: purges the rate-limit log (the only place IP addresses are stored) once no limit needs it, and at the
 * latest after tribune.accounts.ip-retention-days; deletes used or expired tokens older than a day.
 */
@ApplicationScoped
public class AccountHousekeeping {

    private static final Logger LOG = Logger.getLogger(AccountHousekeeping.class);

    private final RateLimiter limiter;
    private final TribuneConfig config;

    AccountHousekeeping(RateLimiter limiter, TribuneConfig config) {
        this.limiter = limiter;
        this.config = config;
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() {
        int events = limiter.purgeOlderThan(keepRateEvents());
        int tokens = purgeTokens();
        if (events + tokens > 0) {
            LOG.debugf("Purged %d rate-limit events and %d tokens", events, tokens);
        }
    }

    /** Events count for at most the longest window; never kept beyond the IP retention. */
    Duration keepRateEvents() {
        TribuneConfig.RateLimit r = config.rateLimit();
        Duration longest = r.loginWindow();
        for (Duration d : new Duration[] { r.signupWindow(), r.resendWindow(), r.forgotWindow() }) {
            if (d.compareTo(longest) > 0) {
                longest = d;
            }
        }
        Duration retention = Duration.ofDays(config.accounts().ipRetentionDays());
        return longest.compareTo(retention) < 0 ? longest : retention;
    }

    @Transactional
    int purgeTokens() {
        Instant dayAgo = Instant.now().minus(Duration.ofDays(1));
        return (int) AccountToken.delete("(usedAt is not null and usedAt < ?1) or expiresAt < ?1", dayAgo);
    }
}
