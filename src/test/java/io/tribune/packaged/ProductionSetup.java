package io.tribune.packaged;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * What an operator gives the production jar: a PostgreSQL of its own (here a throwaway embedded one, started in
 * the test's JVM, since the jar never starts one), the session encryption key and the first admin.
 */
public class ProductionSetup implements QuarkusTestResourceLifecycleManager {

    static final String ADMIN = "operator";
    static final String ADMIN_PASSWORD = "a-long-operator-password-for-the-it";

    private EmbeddedPostgres postgres;

    @Override
    public Map<String, String> start() {
        try {
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(Files.createTempDirectory("tribune-it-pg").toFile())
                    .setCleanDataDirectory(true)
                    .setServerConfig("fsync", "off")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start PostgreSQL for the integration tests", e);
        }
        // passed to the jar as -D system properties: the same settings as QUARKUS_DATASOURCE_JDBC_URL etc.
        return Map.of(
                "quarkus.datasource.jdbc.url", postgres.getJdbcUrl("postgres", "postgres"),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "unused-with-trust-auth",
                "quarkus.http.auth.session.encryption-key", "an-integration-test-key-of-enough-length",
                "tribune.admin.username", ADMIN,
                "tribune.admin.email", "operator@tribune.test",
                "tribune.admin.password", ADMIN_PASSWORD);
    }

    @Override
    public void stop() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
