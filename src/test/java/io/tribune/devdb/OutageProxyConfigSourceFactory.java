package io.tribune.devdb;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;

/**
 * Test profile only: points the datasource at the embedded PostgreSQL through {@link DatabaseOutage}'s proxy, so
 * that a test can take the database away and bring it back. Outranks {@link EmbeddedDatabaseConfigSourceFactory}
 * (same conditions: embedded database enabled, no JDBC URL configured).
 */
public class OutageProxyConfigSourceFactory implements ConfigSourceFactory {

    private static final int ORDINAL = EmbeddedDatabaseConfigSourceFactory.ORDINAL + 5;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue url = context.getValue(EmbeddedDatabaseConfigSourceFactory.JDBC_URL);
        boolean configured = url != null && url.getValue() != null && !url.getValue().isBlank()
                && !"tribune-embedded-database".equals(url.getSourceName());
        ConfigValue enabled = context.getValue(EmbeddedDatabaseConfigSourceFactory.ENABLED);
        if (!context.getProfiles().contains("test") || configured || enabled == null
                || !Boolean.parseBoolean(String.valueOf(enabled.getValue()).trim())) {
            return List.of();
        }
        ConfigValue dataDir = context.getValue(EmbeddedDatabaseConfigSourceFactory.DATA_DIR);
        String direct = EmbeddedDatabase.start(dataDir == null || dataDir.getValue() == null || dataDir.getValue().isBlank()
                ? null : dataDir.getValue());
        return List.of(new PropertiesConfigSource(Map.of(
                EmbeddedDatabaseConfigSourceFactory.JDBC_URL, DatabaseOutage.proxy(direct),
                "quarkus.datasource.username", EmbeddedDatabase.USER,
                "quarkus.datasource.password", EmbeddedDatabase.USER), "tribune-embedded-database-proxy", ORDINAL));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }
}
