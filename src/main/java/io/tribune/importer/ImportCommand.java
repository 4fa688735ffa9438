package io.tribune.importer;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code import wordpress|disqus FILE [--dry-run]} on the command line (see {@link io.tribune.Tribune}): runs the
 * {@link Importer}, draws a progress bar on standard error (plain lines when it is not a terminal), prints the
 * report on standard output and answers the process's exit status.
 */
@ApplicationScoped
public class ImportCommand {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    static final String USAGE_TEXT = "Usage: java -jar quarkus-run.jar import wordpress|disqus FILE [--dry-run]";

    private final Importer importer;

    ImportCommand(Importer importer) {
        this.importer = importer;
    }

    /** {@code args} after the word "import". */
    public int run(List<String> args, PrintStream out, PrintStream err, boolean terminal) {
        List<String> words = new ArrayList<>(args);
        boolean dryRun = words.remove("--dry-run");
        if (words.size() != 2) {
            err.println(USAGE_TEXT);
            return USAGE;
        }
        var kind = ImportKind.of(words.get(0));
        if (kind.isEmpty()) {
            err.println("Unknown kind of import \"" + words.get(0) + "\": use wordpress or disqus. " + USAGE_TEXT);
            return USAGE;
        }
        ProgressBar bar = new ProgressBar(err, terminal);
        try {
            ImportReport report = importer.run(kind.get(), Path.of(words.get(1)), dryRun, bar);
            bar.end();
            report.lines().forEach(out::println);
            return OK;
        } catch (ImportFailure e) {
            bar.end();
            err.println("Import failed: " + e.getMessage());
            return FAILED;
        } catch (RuntimeException e) {
            bar.end();
            err.println("Import failed: " + e + ". Batches written before the failure stay; run the same command again"
                    + " to finish (nothing is imported twice).");
            return FAILED;
        }
    }

    /** "[#####.....]  52 % 52000/100000" redrawn in place on a terminal; a line per tenth otherwise. */
    static final class ProgressBar implements Importer.Progress {
        private final PrintStream err;
        private final boolean terminal;
        private long lastTenth = -1;
        private boolean drawn;

        ProgressBar(PrintStream err, boolean terminal) {
            this.err = err;
            this.terminal = terminal;
        }

        @Override
        public void advance(long done, long total) {
            long percent = total == 0 ? 100 : Math.min(100, done * 100 / total);
            if (terminal) {
                int filled = (int) (percent / 5);
                err.print("\r[" + "#".repeat(filled) + ".".repeat(20 - filled) + "] " + String.format("%3d", percent)
                        + " % " + done + "/" + total);
                err.flush();
                drawn = true;
            } else if (percent / 10 > lastTenth) {
                lastTenth = percent / 10;
                err.println("import: " + percent + " % (" + done + " of " + total + " records)");
            }
        }

        void end() {
            if (drawn) {
                err.println();
                drawn = false;
            }
        }
    }
}
