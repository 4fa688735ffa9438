package io.tribune.importer;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The first, read-only pass: which comments the file holds, which of them will be imported, and whom each answers,
 * so that a reply to a skipped comment (unapproved, spam, deleted) hangs under its nearest imported ancestor. It
 * also counts what a dry run reports.
 */
final class ImportPlan implements Source.Sink {

    private record Node(String parent, boolean importable) {
    }

    private final Map<String, Node> comments = new HashMap<>();
    private final Map<String, Source.Author> authors = new HashMap<>();
    private final ImportReport report;
    private final java.util.List<String> postIds = new java.util.ArrayList<>();
    private final java.util.List<String> commentIds = new java.util.ArrayList<>();
    private long records;

    ImportPlan(ImportKind kind, boolean dryRun) {
        this.report = new ImportReport(kind, dryRun);
    }

    @Override
    public void author(Source.Author author) {
        authors.put(author.login(), author);
    }

    @Override
    public void post(Source.Post post) {
        records++;
        postIds.add(post.id());
    }

    @Override
    public void thread(Source.Thread thread) {
        records++;
    }

    @Override
    public void comment(Source.Comment comment, boolean importable) {
        comments.put(comment.id(), new Node(comment.parent(), importable));
        if (importable) {
            records++;
            commentIds.add(comment.id());
        }
    }

    @Override
    public void skipped(String what) {
        report.skipped(what);
    }

    @Override
    public void unreadable(String what, int line, String problem) {
        report.unreadable(what, line, problem);
    }

    Source.Author author(String login) {
        return login == null ? null : authors.get(login);
    }

    /** Records the second pass will write or skip (for the progress bar). */
    long records() {
        return records;
    }

    /** The source id of the nearest imported comment above this one, or null for a top-level comment. */
    String effectiveParent(String id) {
        Node node = comments.get(id);
        String parent = node == null ? null : node.parent();
        for (int guard = 0; parent != null && guard < 10_000; guard++) {
            Node p = comments.get(parent);
            if (p == null) {
                return null; // answers a comment the file does not hold
            }
            if (p.importable()) {
                return parent;
            }
            parent = p.parent();
        }
        return null;
    }

    /** A dry run: what would be created and what was imported before. */
    void compare(Set<String> knownArticles, Set<String> knownComments) {
        for (String id : postIds) {
            if (knownArticles.contains(id)) {
                report.existing("articles");
            } else {
                report.created("articles");
            }
        }
        for (String id : commentIds) {
            if (knownComments.contains(id)) {
                report.existing("comments");
            } else {
                report.created("comments");
            }
        }
    }

    ImportReport report() {
        return report;
    }
}
