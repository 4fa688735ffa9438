package io.tribune.account;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.tribune.config.TribuneConfig;
import io.tribune.web.FormState;
import io.tribune.web.RateLimiter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Forgotten passwords: a single-use emailed link, then a new password that ends every session. */
@ApplicationScoped
public class PasswordReset {

    private final Passwords passwords;
    private final Tokens tokens;
    private final RateLimiter limiter;
    private final TribuneConfig config;
    private final AccountMail mail;

    PasswordReset(Passwords passwords, Tokens tokens, RateLimiter limiter, TribuneConfig config, AccountMail mail) {
        this.mail = mail;
        this.passwords = passwords;
        this.tokens = tokens;
        this.limiter = limiter;
        this.config = config;
    }

    /**
     * The link to send, if the address belongs to an account that can log in and has not had too many links
     * lately; the caller answers the same either way. Throws nothing for unknown addresses.
     */
    @Transactional
    public Optional<Registration.Issued> request(String email) {
        String address = AccountRules.trim(email);
        Optional<User> user = address.isEmpty() ? Optional.empty()
                : User.findByEmail(address).filter(u -> u.status != UserStatus.DELETED && u.passwordHash != null);
        if (user.isEmpty()) {
            return Optional.empty();
        }
        TribuneConfig.RateLimit limits = config.rateLimit();
        if (limiter.acquire("forgot-email:" + Tokens.sha256(address.toLowerCase()), limits.forgotPerEmail(),
                limits.forgotWindow()).isPresent()) {
            return Optional.empty();
        }
        User u = user.get();
        String token = tokens.issue(u, AccountToken.Purpose.RESET_PASSWORD, u.email, config.accounts().resetValidity());
        mail.passwordReset(u.email, u.username, token);
        return Optional.of(new Registration.Issued(u.email, u.username, token));
    }

    public Optional<Duration> limitFor(String ip) {
        TribuneConfig.RateLimit limits = config.rateLimit();
        return limiter.acquire("forgot-ip:" + ip, limits.forgotPerIp(), limits.forgotWindow());
    }

    @Transactional
    public boolean valid(String rawToken) {
        return tokens.find(rawToken, AccountToken.Purpose.RESET_PASSWORD).isPresent();
    }

    /** Sets the new password and ends all sessions; false if the token is not valid (form errors go to {@code form}). */
    @Transactional
    public boolean reset(String rawToken, String password, String confirm, FormState form) {
        Optional<AccountToken> token = tokens.find(rawToken, AccountToken.Purpose.RESET_PASSWORD);
        if (token.isEmpty()) {
            return false;
        }
        User user = token.get().user;
        passwords.problem(password, user.username, user.email).ifPresent(p -> form.error("password", p));
        if (!form.hasError("password") && !password.equals(confirm)) {
            form.error("confirm", "The two passwords differ.");
        }
        if (form.hasErrors()) {
            return true;
        }
        token.get().usedAt = Instant.now();
        user.passwordHash = passwords.hash(password);
        user.sessionGeneration++;
        if (user.emailVerifiedAt == null && user.email != null && user.email.equalsIgnoreCase(token.get().email)) {
            user.emailVerifiedAt = Instant.now(); // the link proved the address works
        }
        return true;
    }
}
