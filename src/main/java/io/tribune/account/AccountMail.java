package io.tribune.account;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.tribune.config.TribuneConfig;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The emails accounts send. SMTP is configured by the standard {@code quarkus.mailer.*} settings; in dev and
 * tests the mock mailer keeps them (and dev mode prints them in the log).
 */
@ApplicationScoped
public class AccountMail {

    private final Mailer mailer;
    private final TribuneConfig config;

    AccountMail(Mailer mailer, TribuneConfig config) {
        this.mailer = mailer;
        this.config = config;
    }

    public void verification(String to, String username, String token) {
        String link = config.baseUrl() + "/verify?token=" + token;
        mailer.send(Mail.withText(to, "Confirm your email address for Tribune", """
                Hello %s,

                please confirm your email address for Tribune by opening this link (valid for %d hours, once):

                %s

                If you did not sign up or change your address at Tribune, ignore this email.
                """.formatted(username, config.accounts().verificationValidity().toHours(), link)));
    }

    public void passwordReset(String to, String username, String token) {
        String link = config.baseUrl() + "/password/reset?token=" + token;
        mailer.send(Mail.withText(to, "Reset your Tribune password", """
                Hello %s,

                someone (hopefully you) asked to reset your Tribune password. Choose a new one here (valid for %d minutes, once):

                %s

                If you did not ask for this, ignore this email: your password stays as it is.
                """.formatted(username, config.accounts().resetValidity().toMinutes(), link)));
    }
}
