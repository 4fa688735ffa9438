package io.tribune.account;

import java.util.Optional;
import java.util.regex.Pattern;

/** Shape rules for usernames, email addresses and display names. */
public final class AccountRules {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_-]{3,30}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]+");

    private AccountRules() {
    }

    public static String trim(String value) {
        return value == null ? "" : value.strip();
    }

    /** The placeholder usernames of imported commenters start with it; nobody may choose one. */
    public static final String IMPORTED_PREFIX = "imported-";

    public static Optional<String> usernameProblem(String username) {
        if (username.isEmpty()) {
            return Optional.of("Choose a username.");
        }
        if (!USERNAME.matcher(username).matches()) {
            return Optional.of("Use 3 to 30 characters: letters, digits, _ and - only.");
        }
        if (username.toLowerCase().startsWith("deleted-")) {
            return Optional.of("Usernames starting with \"deleted-\" are reserved.");
        }
        if (username.toLowerCase().startsWith(IMPORTED_PREFIX)) {
            return Optional.of("Usernames starting with \"imported-\" are reserved.");
        }
        return Optional.empty();
    }

    public static Optional<String> emailProblem(String email) {
        if (email.isEmpty()) {
            return Optional.of("Enter your email address.");
        }
        if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            return Optional.of("This does not look like an email address.");
        }
        return Optional.empty();
    }

    public static Optional<String> displayNameProblem(String name) {
        if (name.isEmpty()) {
            return Optional.of("Enter the name shown with your comments.");
        }
        if (name.length() > 80) {
            return Optional.of("Use at most 80 characters.");
        }
        return Optional.empty();
    }
}
