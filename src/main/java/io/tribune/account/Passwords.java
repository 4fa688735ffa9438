package io.tribune.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.credential.PasswordCredential;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.jpa.common.runtime.JpaIdentityProviderUtil;
import jakarta.enterprise.context.ApplicationScoped;

/** Password rules, bcrypt hashing and checking (the same MCF check quarkus-security-jpa uses). */
@ApplicationScoped
public class Passwords {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 200;
    /** A valid hash of a random password: checked against when no user matches, so timing reveals nothing. */
    private static final String DUMMY_HASH = BcryptUtil.bcryptHash(java.util.UUID.randomUUID().toString());

    private final Set<String> common = load();

    public String hash(String password) {
        return BcryptUtil.bcryptHash(password);
    }

    public boolean matches(User user, String password) {
        if (user == null || user.passwordHash == null || password == null) {
            check(DUMMY_HASH, "x");
            return false;
        }
        return check(user.passwordHash, password);
    }

    private static boolean check(String hash, String password) {
        try {
            JpaIdentityProviderUtil.checkPassword(JpaIdentityProviderUtil.getMcfPassword(hash),
                    new UsernamePasswordAuthenticationRequest("-", new PasswordCredential(password.toCharArray())));
            return true;
        } catch (AuthenticationFailedException e) {
            return false;
        }
    }

    /** Why this password may not be used, or empty if it may. */
    public Optional<String> problem(String password, String username, String email) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of("Use at least " + MIN_LENGTH + " characters.");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("Use at most " + MAX_LENGTH + " characters.");
        }
        if (common.contains(password.toLowerCase())) {
            return Optional.of("This password is one of the most common ones: please choose another.");
        }
        if ((username != null && password.equalsIgnoreCase(username)) || (email != null && password.equalsIgnoreCase(email))) {
            return Optional.of("Your password must not be your username or email address.");
        }
        return Optional.empty();
    }

    private static Set<String> load() {
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream("accounts/common-passwords.txt");
        if (in == null) {
            throw new IllegalStateException("Missing accounts/common-passwords.txt");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .map(String::toLowerCase).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
