package io.tribune.account.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.LaunchMode;

/** Production refuses to start without a session encryption key; dev and test make a temporary one. */
class SessionKeyTest {

    @Test
    void productionNeedsAKey() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> SessionCookies.encryptionKey(Optional.empty(), LaunchMode.NORMAL));
        assertTrue(e.getMessage().contains("QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY"));
        assertThrows(IllegalStateException.class, () -> SessionCookies.encryptionKey(Optional.of("  "), LaunchMode.NORMAL));
    }

    @Test
    void aConfiguredKeyIsUsedEverywhereAndMustBeLongEnough() {
        assertEquals("a-shared-secret-of-enough-length",
                SessionCookies.encryptionKey(Optional.of("a-shared-secret-of-enough-length"), LaunchMode.NORMAL));
        assertThrows(IllegalStateException.class, () -> SessionCookies.encryptionKey(Optional.of("short"), LaunchMode.NORMAL));
    }

    @Test
    void devAndTestMakeATemporaryKey() {
        String a = SessionCookies.encryptionKey(Optional.empty(), LaunchMode.DEVELOPMENT);
        String b = SessionCookies.encryptionKey(Optional.empty(), LaunchMode.TEST);
        assertTrue(a.length() >= 32);
        assertNotEquals(a, b);
    }
}
