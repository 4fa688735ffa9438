package io.tribune.replica;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real PostgreSQL 15 primary and a streaming replica made from it with {@code pg_basebackup -R}, on loopback ports
 * 18310 and 18311, in a temporary directory (initdb'd as the {@code postgres} user when run as root). The test
 * profile points the datasource at the primary and the {@code replica} datasource at the standby. Tests using it are
 * skipped when the Debian PostgreSQL 15 binaries are missing ({@link #available()}).
 */
public class StreamingReplica implements QuarkusTestResourceLifecycleManager {

    static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");
    static final int PRIMARY_PORT = 18310;
    static final int REPLICA_PORT = 18311;
    static final String DATABASE = "tribune";

    private static Path dir;

    public static boolean available() {
        return Files.isExecutable(BIN.resolve("pg_basebackup")) && Files.isExecutable(BIN.resolve("initdb"));
    }

    static boolean unavailable() {
        return !available();
    }

    @Override
    public Map<String, String> start() {
        try {
            dir = Files.createTempDirectory("tribune-replica-test");
            asPostgres(List.of("chown", "postgres", dir.toString()), true);
            run(BIN.resolve("initdb") + " -D " + dir.resolve("primary") + " -U postgres --auth=trust -E UTF8 --no-sync");
            startServer("primary", PRIMARY_PORT, "-c wal_level=replica -c max_wal_senders=5 -c fsync=off");
            try (Connection c = DriverManager.getConnection(url(PRIMARY_PORT, "postgres"), "postgres", "");
                    Statement s = c.createStatement()) {
                s.execute("create database " + DATABASE);
            }
            run(BIN.resolve("pg_basebackup") + " -h 127.0.0.1 -p " + PRIMARY_PORT + " -U postgres -D "
                    + dir.resolve("replica") + " -R -X stream -c fast --no-sync");
            startServer("replica", REPLICA_PORT, "-c hot_standby=on -c fsync=off");
        } catch (IOException | SQLException e) {
            stop();
            throw new IllegalStateException("Could not start the PostgreSQL primary and replica", e);
        }
        return Map.of(
                "tribune.embedded-database.enabled", "false",
                "quarkus.datasource.jdbc.url", url(PRIMARY_PORT, DATABASE),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "",
                "quarkus.datasource.replica.jdbc.url", url(REPLICA_PORT, DATABASE));
    }

    @Override
    public void stop() {
        if (dir == null) {
            return;
        }
        for (String server : List.of("replica", "primary")) {
            if (Files.exists(dir.resolve(server).resolve("postmaster.pid"))) {
                quietly(BIN.resolve("pg_ctl") + " -D " + dir.resolve(server) + " -m immediate stop");
            }
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory
        }
        dir = null;
    }

    static String url(int port, String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** A connection to the replica itself (not through the app). */
    static Connection replica() throws SQLException {
        return DriverManager.getConnection(url(REPLICA_PORT, DATABASE), "postgres", "");
    }

    /** A connection to the primary itself (not through the app). */
    static Connection primary() throws SQLException {
        return DriverManager.getConnection(url(PRIMARY_PORT, DATABASE), "postgres", "");
    }

    static void stopReplica() {
        run(BIN.resolve("pg_ctl") + " -D " + dir.resolve("replica") + " -m immediate -w stop");
    }

    static void startReplica() {
        startServer("replica", REPLICA_PORT, "-c hot_standby=on -c fsync=off");
    }

    private static void startServer(String name, int port, String settings) {
        run(BIN.resolve("pg_ctl") + " -D " + dir.resolve(name) + " -l " + dir.resolve(name + ".log") + " -w -o \"-p "
                + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=" + dir + " " + settings
                + "\" start");
    }

    private static void run(String command) {
        try {
            asPostgres(List.of("sh", "-c", command), false);
        } catch (IOException e) {
            throw new IllegalStateException(command, e);
        }
    }

    private static void quietly(String command) {
        try {
            asPostgres(List.of("sh", "-c", command), false);
        } catch (IOException | RuntimeException e) {
            // on the way out
        }
    }

    /** Runs a command, as the postgres user when this is root (PostgreSQL refuses to run as root). */
    private static void asPostgres(List<String> command, boolean asIs) throws IOException {
        List<String> full = new ArrayList<>();
        if (!asIs && "root".equals(System.getProperty("user.name"))) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        Process process = new ProcessBuilder(full).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("Failed: " + String.join(" ", full));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted: " + String.join(" ", full), e);
        }
    }
}
