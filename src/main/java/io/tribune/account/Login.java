package io.tribune.account;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.tribune.config.TribuneConfig;
import io.tribune.web.RateLimiter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Checks a log-in attempt against the brute-force limits (in PostgreSQL, shared by every instance) and the bcrypt
 * hash. Following OWASP, failures are counted per account and address together, per address, and per account:
 * the first stops one attacker guessing one account, the second one address guessing many, and the third, higher,
 * slows guessing spread over many addresses. Anybody can run up an account's count, so a browser that proves with
 * its device cookie that it has logged in to this account before is counted on its own instead, and its owner gets
 * in whatever the others do. A success clears the count it was checked against (the pair, or the device).
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

    /** A browser's signed claim that it logged in to this account before (see the device cookie). */
    public record KnownDevice(long userId, String deviceId) {
    }

    private record Bucket(String name, int limit) {
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
    public Result attempt(String login, String password, String ip, Optional<KnownDevice> device) {
        String name = AccountRules.trim(login);
        Optional<User> user = name.isEmpty() ? Optional.empty() : find(name);
        // an unknown name is counted too (so probing is limited), but only as a hash: it may be someone's address
        String account = user.map(u -> u.id.toString()).orElseGet(() -> "unknown-" + Tokens.sha256(name.toLowerCase()));
        Optional<String> knownDevice = device.filter(d -> user.isPresent() && d.userId() == user.get().id)
                .map(KnownDevice::deviceId);
        List<Bucket> buckets = knownDevice
                .map(id -> List.of(new Bucket("login-device:" + id, limits.loginPerAccountAndIp())))
                .orElseGet(() -> List.of(new Bucket("login-account-ip:" + account + ":" + ip, limits.loginPerAccountAndIp()),
                        new Bucket("login-ip:" + ip, limits.loginPerIp()),
                        new Bucket("login-account:" + account, limits.loginPerAccount())));
        Optional<Duration> wait = Optional.empty();
        for (Bucket bucket : buckets) {
            wait = wait.or(() -> limiter.retryAfter(bucket.name(), bucket.limit(), limits.loginWindow()));
        }
        if (wait.isPresent()) {
            return new Limited(wait.get());
        }
        User u = user.filter(x -> x.status != UserStatus.DELETED).orElse(null);
        if (passwords.matches(u, password)) {
            // the account-wide count stays: an attacker's failures elsewhere are not forgiven by the owner's success
            limiter.clear(buckets.get(0).name());
            if (u.status == UserStatus.DEREGISTERED) {
                return new Refused("This account was de-registered under the comment policy after repeated abusive"
                        + " or defamatory comments, and can no longer log in.");
            }
            return new Success(u.id);
        }
        limiter.record(buckets.stream().map(Bucket::name).toArray(String[]::new));
        return new Failed();
    }
    @Transactional
    Optional<User> find(String login) {
        return User.findByLogin(login);
    }
}
