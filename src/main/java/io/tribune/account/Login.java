package io.tribune.account;

import java.time.Duration;
import java.util.Optional;

import io.tribune.config.TribuneConfig;
import io.tribune.web.RateLimiter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Checks a log-in attempt against the brute-force limits (per account and per IP, in PostgreSQL) and the
 * bcrypt hash. A success clears the account's failures; a failure counts against both.
 */
@ApplicationScoped
public class Login {

    public sealed interface Result {
    }

    public record Success(long userId) implements Result {
    }

    public record Failed() implements Result {
    }

    /** The password was right but the account may not log in; the message says why. */
    public record Refused(String message) implements Result {
    }

    public record Limited(Duration retryAfter) implements Result {
    }

    private final Passwords passwords;
    private final RateLimiter limiter;
    private final TribuneConfig.RateLimit limits;

    Login(Passwords passwords, RateLimiter limiter, TribuneConfig config) {
        this.passwords = passwords;
        this.limiter = limiter;
        this.limits = config.rateLimit();
    }

    @Transactional(Transactional.TxType.NEVER)
    public Result attempt(String login, String password, String ip) {
        String name = AccountRules.trim(login);
        Optional<User> user = name.isEmpty() ? Optional.empty() : find(name);
        // an unknown name is counted too (so probing is limited), but only as a hash: it may be someone's address
        String accountBucket = "login-account:" + user.map(u -> u.id.toString())
                .orElseGet(() -> "unknown-" + Tokens.sha256(name.toLowerCase()));
        String ipBucket = "login-ip:" + ip;
        Optional<Duration> wait = limiter.retryAfter(accountBucket, limits.loginPerAccount(), limits.loginWindow())
                .or(() -> limiter.retryAfter(ipBucket, limits.loginPerIp(), limits.loginWindow()));
        if (wait.isPresent()) {
            return new Limited(wait.get());
        }
        User u = user.filter(x -> x.status != UserStatus.DELETED).orElse(null);
        if (passwords.matches(u, password)) {
            limiter.clear(accountBucket);
            // suspended and de-registered accounts log in too: to read, see and appeal their sanctions, download
            // their data or delete the account (the pages and services refuse them any part in the discussion)
            return new Success(u.id);
        }
        limiter.record(accountBucket, ipBucket);
        return new Failed();
    }

    @Transactional
    Optional<User> find(String login) {
        return User.findByLogin(login);
    }
}
