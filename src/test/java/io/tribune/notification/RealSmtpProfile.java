package io.tribune.notification;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The real mailer (not the mock) pointed at a port where nothing listens until a test starts {@link TinySmtpServer}
 * there; the scheduled sender is off, so the tests run the sender themselves.
 */
public class RealSmtpProfile implements QuarkusTestProfile {

    static final int SMTP_PORT = TinySmtpServer.freePort();

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.mailer.mock", "false",
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", String.valueOf(SMTP_PORT),
                "quarkus.mailer.start-tls", "DISABLED",
                // a new connection per email: a pooled one to a server the test stopped would hang until the timeout
                "quarkus.mailer.keep-alive", "false",
                "quarkus.mailer.timeout", "20s",
                "tribune.mail.send-every", "off");
    }
}
