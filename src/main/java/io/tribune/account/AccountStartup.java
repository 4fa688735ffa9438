package io.tribune.account;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.tribune.config.TribuneConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * At start: creates the first admin from TRIBUNE_ADMIN_USERNAME / _EMAIL / _PASSWORD (once: nothing happens if
 * that username exists), and with demo content the demo moderator {@code moddy} and editor {@code eddie}, whose
 * passwords are printed in the log at each start: {@code tribune.accounts.demo-password} (set in dev and test, so
 * that a restart keeps their sessions), or else new random ones.
 */
@ApplicationScoped
public class AccountStartup {

    private static final Logger LOG = Logger.getLogger(AccountStartup.class);
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final TribuneConfig config;
    private final Passwords passwords;
    private final EntityManager em;

    AccountStartup(TribuneConfig config, Passwords passwords, EntityManager em) {
        this.config = config;
        this.passwords = passwords;
        this.em = em;
    }

    void onStart(@Observes StartupEvent event) {
        bootstrapAdmin();
        if (config.demoContent()) {
            demoAccounts();
        }
    }

    @Transactional
    public void bootstrapAdmin() {
        TribuneConfig.Admin admin = config.admin();
        Optional<String> username = admin.username().filter(s -> !s.isBlank());
        Optional<String> email = admin.email().filter(s -> !s.isBlank());
        Optional<String> password = admin.password().filter(s -> !s.isBlank());
        if (username.isEmpty() && email.isEmpty() && password.isEmpty()) {
            return;
        }
        if (username.isEmpty() || email.isEmpty() || password.isEmpty()) {
            throw new IllegalStateException("Set all three of TRIBUNE_ADMIN_USERNAME, TRIBUNE_ADMIN_EMAIL and TRIBUNE_ADMIN_PASSWORD, or none.");
        }
        em.createNativeQuery("select pg_advisory_xact_lock(7204)").getSingleResult();
        if (User.findByUsername(username.get()).isPresent()) {
            return;
        }
        AccountRules.usernameProblem(username.get()).ifPresent(p -> {
            throw new IllegalStateException("TRIBUNE_ADMIN_USERNAME: " + p);
        });
        AccountRules.emailProblem(email.get()).ifPresent(p -> {
            throw new IllegalStateException("TRIBUNE_ADMIN_EMAIL: " + p);
        });
        passwords.problem(password.get(), username.get(), email.get()).ifPresent(p -> {
            throw new IllegalStateException("TRIBUNE_ADMIN_PASSWORD: " + p);
        });
        if (User.findByEmail(email.get()).isPresent()) {
            throw new IllegalStateException("TRIBUNE_ADMIN_EMAIL belongs to another account already.");
        }
        create(username.get(), email.get(), "Administrator", "commenter,admin", password.get());
        LOG.infof("Created the first admin account '%s'", username.get());
    }

    @Transactional
    public void demoAccounts() {
        em.createNativeQuery("select pg_advisory_xact_lock(7205)").getSingleResult();
        demo("moddy", "Moddy (moderator)", "commenter,moderator");
        demo("eddie", "Eddie (editor)", "commenter,editor");
    }

    private void demo(String username, String displayName, String roles) {
        Optional<String> fixed = config.accounts().demoPassword().filter(p -> !p.isBlank());
        String password = fixed.orElseGet(AccountStartup::randomPassword);
        Optional<User> existing = User.findByUsername(username);
        if (existing.isPresent()) {
            // a fixed password that is already set is left alone, so a restart (a dev-mode live reload) keeps
            // the demo accounts' sessions; a new password ends them
            if (fixed.isEmpty() || !passwords.matches(existing.get(), password)) {
                existing.get().passwordHash = passwords.hash(password);
                existing.get().sessionGeneration++;
            }
        } else {
            create(username, username + "@demo.invalid", displayName, roles, password);
        }
        LOG.infof("Demo account %s (%s) — password: %s", username, roles.substring(roles.indexOf(',') + 1), password);
    }

    private void create(String username, String email, String displayName, String roles, String password) {
        User u = new User();
        u.username = username;
        u.email = email;
        u.displayName = displayName;
        u.roles = roles;
        u.passwordHash = passwords.hash(password);
        u.emailVerifiedAt = Instant.now();
        u.persist();
    }

    private static String randomPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
