package io.tribune.importer;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.tribune.config.TribuneConfig;
import io.tribune.markdown.MarkdownRenderer;
import io.tribune.replica.PrimaryDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.persistence.EntityManager;

/**
 * Imports a WordPress or Disqus export in two passes over the file. The first only reads: it checks the whole file
 * is well-formed XML of the expected kind and learns the shape of the comment threads, so a malformed file fails
 * with its line number before anything is written. The second writes in batches, each its own transaction
 * ({@link ImportBatches}); what each record became is kept in {@code import_source}, so a second run (of the same
 * file, or of one interrupted half-way) adds nothing twice. Only one import runs at a time.
 */
@ApplicationScoped
public class Importer {

    /** Told how far the import has got: {@code done} of {@code total} records. */
    public interface Progress {
        Progress NONE = (done, total) -> {
        };

        void advance(long done, long total);
    }

    private static final long LOCK = 7218;

    private final EntityManager em;
    private final MarkdownRenderer markdown;
    private final TribuneConfig config;

    Importer(EntityManager em, MarkdownRenderer markdown, TribuneConfig config) {
        this.em = em;
        this.markdown = markdown;
        this.config = config;
    }

    /** Runs on the command line too, where no request is active: the transactions need a request context. */
    @ActivateRequestContext
    public ImportReport run(ImportKind kind, Path file, boolean dryRun, Progress progress) throws ImportFailure {
        if (!Files.isRegularFile(file)) {
            throw new ImportFailure("No such file: " + file + ". Nothing was imported.");
        }
        ImportPlan plan = new ImportPlan(kind, dryRun);
        read(kind, file, plan);
        if (dryRun) {
            try (Lock lock = lock()) {
                QuarkusTransaction.requiringNew().run(() -> plan.compare(ImportBatches.known(em, kind, "article"),
                        ImportBatches.known(em, kind, "comment")));
            } catch (SQLException e) {
                throw new ImportFailure("The database could not be reached: " + e.getMessage());
            }
            progress.advance(plan.records(), plan.records());
            return plan.report();
        }
        try (Lock lock = lock()) {
            try {
                ImportBatches batches = new ImportBatches(kind, plan, em, markdown, config.comments().maxDepth(), progress);
                read(kind, file, batches);
                return batches.finish();
            } finally {
                if (QuarkusTransaction.isActive()) {
                    QuarkusTransaction.rollback();
                }
            }
        } catch (SQLException e) {
            throw new ImportFailure("The database could not be reached: " + e.getMessage());
        }
    }

    private static void read(ImportKind kind, Path file, Source.Sink sink) throws ImportFailure {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            if (kind == ImportKind.WORDPRESS) {
                WxrReader.read(in, sink);
            } else {
                DisqusReader.read(in, sink);
            }
        } catch (NoSuchFileException e) {
            throw new ImportFailure("No such file: " + file + ". Nothing was imported.");
        } catch (IOException e) {
            throw new ImportFailure("The file could not be read: " + e.getMessage());
        }
    }

    /**
     * A connection holding the session-level advisory lock that keeps imports one at a time (released when the
     * connection closes, or if the process dies).
     */
    private static Lock lock() throws ImportFailure, SQLException {
        Connection connection = PrimaryDataSource.get().getConnection();
        boolean locked = false;
        try (Statement s = connection.createStatement();
                ResultSet r = s.executeQuery("select pg_try_advisory_lock(" + LOCK + ")")) {
            locked = r.next() && r.getBoolean(1);
        } finally {
            if (!locked) {
                connection.close();
            }
        }
        if (!locked) {
            throw new ImportFailure("Another import is running. Try again when it has finished.");
        }
        return new Lock(connection);
    }

    /** The pool keeps connections open: the lock is given back before the connection is. */
    private record Lock(Connection connection) implements AutoCloseable {
        @Override
        public void close() throws SQLException {
            try (connection; Statement s = connection.createStatement()) {
                s.execute("select pg_advisory_unlock(" + LOCK + ")");
            }
        }
    }
}
