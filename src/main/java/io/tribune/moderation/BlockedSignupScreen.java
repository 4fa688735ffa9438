package io.tribune.moderation;

import java.util.Optional;

import io.tribune.account.SignupScreen;
import jakarta.enterprise.context.ApplicationScoped;

/** The username and email of an account de-registered under the comment policy cannot register again. */
@ApplicationScoped
public class BlockedSignupScreen implements SignupScreen {

    @Override
    public Optional<String> refusal(String username, String email) {
        return BlockedIdentity.isBlocked(username, email)
                ? Optional.of("This username or email address is barred: it belonged to an account de-registered under"
                        + " the comment policy, and cannot be registered again. If it was yours, log in to that account"
                        + " (reset its password if needed) and appeal from your moderation history, /settings/moderation.")
                : Optional.empty();
    }
}
