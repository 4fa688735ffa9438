package io.tribune.importer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What an import created, found already imported, skipped on purpose and could not read (with line numbers). */
public final class ImportReport {

    /** At most this many unreadable records and unmatched threads are listed; all are counted. */
    static final int LISTED = 500;

    public record Count(String what, int created, int existing) {
    }

    private final ImportKind kind;
    private final boolean dryRun;
    private final Map<String, int[]> counts = new LinkedHashMap<>();
    private final Map<String, Integer> skipped = new TreeMap<>();
    private final List<String> unreadable = new ArrayList<>();
    private final List<String> unmatched = new ArrayList<>();
    private int unreadableCount;
    private int unmatchedCount;

    ImportReport(ImportKind kind, boolean dryRun) {
        this.kind = kind;
        this.dryRun = dryRun;
        for (String what : List.of("sections", "authors", "articles", "commenters", "comments")) {
            counts.put(what, new int[2]);
        }
    }

    void created(String what) {
        counts.computeIfAbsent(what, w -> new int[2])[0]++;
    }

    void existing(String what) {
        counts.computeIfAbsent(what, w -> new int[2])[1]++;
    }

    void skipped(String what) {
        skipped.merge(what, 1, Integer::sum);
    }

    void unreadable(String what, int line, String problem) {
        if (unreadable.size() < LISTED) {
            unreadable.add("line " + line + ": " + what + ": " + problem);
        }
        unreadableCount++;
    }

    void unmatched(Source.Thread thread) {
        if (unmatched.size() < LISTED) {
            unmatched.add("line " + thread.line() + ": thread " + thread.id() + " “"
                    + (thread.title() == null ? "" : thread.title()) + "” " + (thread.link() == null ? "" : thread.link()));
        }
        unmatchedCount++;
    }

    public ImportKind kind() {
        return kind;
    }

    public boolean dryRun() {
        return dryRun;
    }

    public List<Count> counts() {
        return counts.entrySet().stream().map(e -> new Count(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
    }

    public int created(String what, boolean existing) {
        int[] c = counts.get(what);
        return c == null ? 0 : c[existing ? 1 : 0];
    }

    public Map<String, Integer> skipped() {
        return skipped;
    }

    public List<String> unreadable() {
        return unreadable;
    }

    public int unreadableCount() {
        return unreadableCount;
    }

    public List<String> unmatchedThreads() {
        return unmatched;
    }

    public int unmatchedCount() {
        return unmatchedCount;
    }

    /** The report as plain lines, for the terminal. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add((dryRun ? "Dry run (nothing written) of a " : "Imported a ") + kind.key() + " export:");
        for (Count c : counts()) {
            lines.add("  " + c.what() + ": " + c.created() + (dryRun ? " to import" : " created") + ", " + c.existing()
                    + " already imported");
        }
        skipped.forEach((what, n) -> lines.add("  skipped: " + n + " × " + what));
        if (unmatchedCount > 0) {
            lines.add("  threads matching no article here (their posts skipped): " + unmatchedCount);
            unmatched.forEach(u -> lines.add("    " + u));
        }
        if (unreadableCount > 0) {
            lines.add("  could not be read: " + unreadableCount);
            unreadable.forEach(u -> lines.add("    " + u));
        }
        return lines;
    }
}
