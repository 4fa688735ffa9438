package io.tribune.account;

import java.time.Instant;
import java.util.Optional;

import io.tribune.config.TribuneConfig;
import io.tribune.web.FormState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Sign-up and email verification. */
@ApplicationScoped
public class Registration {

    /** What an emailed link needs: where to send it, whom to greet, and the raw token. */
    public record Issued(String email, String username, String token) {
    }

    private final Passwords passwords;
    private final Tokens tokens;
    private final TribuneConfig config;
    private final EntityManager em;
    private final jakarta.enterprise.inject.Instance<SignupScreen> screens;
    private final AccountMail mail;

    Registration(Passwords passwords, Tokens tokens, TribuneConfig config, EntityManager em,
            jakarta.enterprise.inject.Instance<SignupScreen> screens, AccountMail mail) {
        this.mail = mail;
        this.passwords = passwords;
        this.tokens = tokens;
        this.config = config;
        this.em = em;
        this.screens = screens;
    }

    /** The form as typed (never the password), for showing it again. */
    public static FormState echo(SignupForm f) {
        return FormState.empty().value("username", AccountRules.trim(f.username)).value("email", AccountRules.trim(f.email))
                .value("acceptPolicy", f.acceptPolicy != null ? "on" : "");
    }

    /** Creates the account and a verification token, or fills {@code form} with errors and returns empty. */
    @Transactional
    public Optional<Issued> signup(SignupForm f, FormState form) {
        String username = AccountRules.trim(f.username);
        String email = AccountRules.trim(f.email);
        AccountRules.usernameProblem(username).ifPresent(p -> form.error("username", p));
        AccountRules.emailProblem(email).ifPresent(p -> form.error("email", p));
        passwords.problem(f.password, username, email).ifPresent(p -> form.error("password", p));
        if (f.acceptPolicy == null || f.acceptPolicy.isBlank()) {
            form.error("acceptPolicy", "Please read and accept the comment policy.");
        }
        // one sign-up at a time, so that two identical requests cannot both pass the uniqueness checks
        em.createNativeQuery("select pg_advisory_xact_lock(7203)").getSingleResult();
        // a barred identity is said so plainly, rather than "already taken" (the barred account still holds it)
        boolean barred = false;
        if (!form.hasError("username") && !form.hasError("email")) {
            for (SignupScreen screen : screens) {
                Optional<String> refusal = screen.refusal(username, email);
                refusal.ifPresent(reason -> form.error("email", reason));
                barred |= refusal.isPresent();
            }
        }
        if (!barred && !form.hasError("username") && User.findByUsername(username).isPresent()) {
            form.error("username", "This username is already taken: please choose another.");
        }
        Optional<User> holder = barred || form.hasError("email") ? Optional.empty() : User.findByEmail(email);
        if (holder.isPresent() && !holder.get().unclaimed) {
            form.error("email", "An account with this email address already exists. Log in, or reset your password.");
        }
        if (form.hasErrors()) {
            return Optional.empty();
        }
        if (holder.isPresent()) {
            // an imported commenter's account: answered exactly like a new sign-up; the link in the email makes
            // the account, its comments included, the signer's (nothing changes before it is used)
            String token = tokens.issueClaim(holder.get(), email, username, passwords.hash(f.password),
                    config.accounts().verificationValidity());
            mail.verification(email, username, token);
            return Optional.of(new Issued(email, username, token));
        }
        User user = new User();
        user.username = username;
        user.email = email;
        user.displayName = username;
        user.passwordHash = passwords.hash(f.password);
        user.roles = "commenter";
        user.persist();
        String token = tokens.issue(user, AccountToken.Purpose.VERIFY_EMAIL, email, config.accounts().verificationValidity());
        mail.verification(email, username, token);
        return Optional.of(new Issued(email, username, token));
    }

    /** Confirms the address a token was sent to; returns an error message if it cannot. */
    @Transactional
    public Optional<String> verify(String rawToken) {
        Optional<AccountToken> token = tokens.redeem(rawToken, AccountToken.Purpose.VERIFY_EMAIL);
        if (token.isEmpty()) {
            Optional<AccountToken> claim = tokens.redeem(rawToken, AccountToken.Purpose.CLAIM);
            if (claim.isPresent()) {
                return claim(claim.get());
            }
        }
        if (token.isEmpty()) {
            return Optional.of("This link is not valid: it may have expired or been used already. Log in and ask for a new one in your settings.");
        }
        User user = token.get().user;
        if (user.status == UserStatus.DELETED) {
            return Optional.of("This account no longer exists.");
        }
        String email = token.get().email;
        if (email != null && !email.equalsIgnoreCase(user.email)) {
            Optional<User> other = User.findByEmail(email);
            if (other.isPresent() && !other.get().id.equals(user.id)) {
                return Optional.of("Another account now uses this email address, so it cannot be confirmed for yours.");
            }
            user.email = email;
        }
        user.emailVerifiedAt = Instant.now();
        return Optional.empty();
    }

    private Optional<String> claim(AccountToken claim) {
        User user = claim.user;
        if (!user.unclaimed || user.status == UserStatus.DELETED) {
            return Optional.of("This account has been claimed already. Log in, or reset your password.");
        }
        if (User.findByUsername(claim.claimUsername).isPresent()) {
            return Optional.of("The username you chose (" + claim.claimUsername + ") was taken in the meantime. Please"
                    + " sign up again with another: your comments will still become yours.");
        }
        user.username = claim.claimUsername;
        user.passwordHash = claim.claimPasswordHash;
        user.email = claim.email;
        user.emailVerifiedAt = Instant.now();
        user.unclaimed = false;
        AccountToken.delete("user = ?1 and purpose = ?2 and id <> ?3", user, AccountToken.Purpose.CLAIM, claim.id);
        // the comments' bylines link to the new username
        io.tribune.article.Article.threadsChangedForAuthor(user.id);
        return Optional.empty();
    }

    /** A new verification token for the user's current address (the resend button). */
    @Transactional
    public Optional<Issued> reissue(long userId) {
        User user = User.findById(userId);
        if (user == null || user.verified() || user.email == null) {
            return Optional.empty();
        }
        String token = tokens.issue(user, AccountToken.Purpose.VERIFY_EMAIL, user.email, config.accounts().verificationValidity());
        mail.verification(user.email, user.username, token);
        return Optional.of(new Issued(user.email, user.username, token));
    }
}
