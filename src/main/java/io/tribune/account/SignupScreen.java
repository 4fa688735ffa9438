package io.tribune.account;

import java.util.Optional;

/**
 * Asked before an account is created. Implemented outside this package (moderation refuses the username and email
 * of accounts de-registered under the comment policy), so accounts need not know about moderation.
 */
public interface SignupScreen {

    /** Why this username or email may not register, or empty. */
    Optional<String> refusal(String username, String email);
}
