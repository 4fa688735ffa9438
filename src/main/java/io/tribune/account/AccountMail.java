package io.tribune.account;

import io.tribune.notification.outbox.MailOutbox;
import io.tribune.config.TribuneConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * The emails accounts send, written to the mail outbox in the transaction that issues the token (so a sign-up
 * succeeds, and its email goes out later, when the mail server is down). SMTP is configured by the standard
 * {@code quarkus.mailer.*} settings; in dev and tests the mock mailer keeps them.
 */
@ApplicationScoped
public class AccountMail {

    private final MailOutbox outbox;
    private final TribuneConfig config;

    AccountMail(MailOutbox outbox, TribuneConfig config) {
        this.outbox = outbox;
        this.config = config;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void verification(String to, String username, String token) {
        String link = config.baseUrl() + "/verify?token=" + token;
        outbox.add(new MailOutbox.Draft(to, null, "VERIFY", "Confirm your email address for Tribune", """
                Hello %s,

                please confirm your email address for Tribune by opening this link (valid for %d hours, once):

                %s

                If you did not sign up or change your address at Tribune, ignore this email.
                """.formatted(username, config.accounts().verificationValidity().toHours(), link), null));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void passwordReset(String to, String username, String token) {
        String link = config.baseUrl() + "/password/reset?token=" + token;
        outbox.add(new MailOutbox.Draft(to, null, "RESET", "Reset your Tribune password", """
                Hello %s,

                someone (hopefully you) asked to reset your Tribune password. Choose a new one here (valid for %d minutes, once):

                %s

                If you did not ask for this, ignore this email: your password stays as it is.
                """.formatted(username, config.accounts().resetValidity().toMinutes(), link), null));
    }
}
