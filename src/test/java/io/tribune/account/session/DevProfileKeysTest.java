package io.tribune.account.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.LaunchMode;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * Dev mode keeps sessions and the demo passwords across live reloads with fixed values from the dev profile of
 * application.properties; production gets neither and still refuses to start without its own key.
 */
class DevProfileKeysTest {

    static final String KEY = "quarkus.http.auth.session.encryption-key";
    static final String DEMO_PASSWORD = "tribune.accounts.demo-password";

    @Test
    void devModeHasAFixedSessionKeyAndFixedDemoPasswords() throws IOException {
        SmallRyeConfig dev = applicationProperties("dev");
        String key = dev.getOptionalValue(KEY, String.class).orElseThrow();
        assertEquals(key, SessionCookies.encryptionKey(Optional.of(key), LaunchMode.DEVELOPMENT),
                "the dev key is used as it is, not replaced by a temporary one at each reload");
        assertEquals("tribune-demo-password", dev.getOptionalValue(DEMO_PASSWORD, String.class).orElseThrow(),
                "the README names this password");
    }

    @Test
    void devModeServesTheDemoWithItsCommentsOpen() throws IOException {
        SmallRyeConfig dev = applicationProperties("dev");
        assertTrue(dev.getValue("tribune.demo-content", Boolean.class));
        assertTrue(dev.getValue("tribune.embedded-database.enabled", Boolean.class));
        // the age rule applies in dev as in production: the demo keeps its flagship story open explicitly
        // (article.CommentWindowTest.theDemoFlagshipStoryIsOpenThoughItsDateIsOld)
        assertTrue(dev.getOptionalValue("tribune.comments.close-after-days", Integer.class).isEmpty(),
                "dev does not switch the age rule off");
    }

    @Test
    void productionHasNeitherAndRefusesToStartWithoutAKey() throws IOException {
        SmallRyeConfig prod = applicationProperties("prod");
        Optional<String> key = prod.getOptionalValue(KEY, String.class);
        assertTrue(key.isEmpty(), "no session key in the prod profile");
        assertFalse(prod.getOptionalValue(DEMO_PASSWORD, String.class).isPresent(), "no demo password in prod");
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> SessionCookies.encryptionKey(key, LaunchMode.NORMAL));
        assertTrue(refused.getMessage().contains("QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY"));
    }

    /** Only the file itself, read as Quarkus would for that profile (no environment, no system properties). */
    private static SmallRyeConfig applicationProperties(String profile) throws IOException {
        URL file = DevProfileKeysTest.class.getClassLoader().getResource("application.properties");
        return new SmallRyeConfigBuilder().withProfile(profile)
                .withSources(new PropertiesConfigSource(file, 250)).build();
    }
}
