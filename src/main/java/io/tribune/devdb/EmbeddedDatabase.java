package io.tribune.devdb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jboss.logging.Logger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One embedded PostgreSQL per JVM. Dev-mode live reload and Quarkus test restarts build new class loaders,
 * so the running server's URL is remembered in a system property rather than in a static field.
 */
final class EmbeddedDatabase {

    static final String USER = "postgres";
    private static final String RUNNING_URL = "io.tribune.devdb.running-url";
    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);

    private EmbeddedDatabase() {
    }

    static synchronized String start(String dataDir) {
        String running = System.getProperty(RUNNING_URL);
        if (running != null) {
            return running;
        }
        try {
            boolean throwaway = dataDir == null;
            Path directory = throwaway ? Files.createTempDirectory("tribune-pg") : Path.of(dataDir).toAbsolutePath();
            Files.createDirectories(directory);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(directory.toFile())
                    .setCleanDataDirectory(throwaway)
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", throwaway ? "off" : "on")
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> close(postgres)));
            String url = postgres.getJdbcUrl(USER, "postgres");
            System.setProperty(RUNNING_URL, url);
            LOG.infof("Embedded PostgreSQL started at %s (data in %s%s)", url, directory,
                    throwaway ? ", deleted at exit" : ", kept across restarts");
            return url;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
        }
    }

    private static void close(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warn("Embedded PostgreSQL did not stop cleanly", e);
        }
    }
}
