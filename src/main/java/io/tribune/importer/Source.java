package io.tribune.importer;

import java.time.Instant;

/** What the readers find in an export, before anything is written. */
final class Source {

    private Source() {
    }

    /** A WordPress author ({@code wp:author}). */
    record Author(String login, String email, String displayName) {
    }

    /** A WordPress post to import. */
    record Post(String id, String slug, String title, String html, String excerptHtml, String creator,
            String categorySlug, String categoryName, Instant publishedAt, int line) {
    }

    /** A Disqus thread: an article of the old site, matched here by identifier, URL or slug. */
    record Thread(String id, String link, String title, String identifier, int line) {
    }

    /**
     * A comment (a WordPress comment or a Disqus post). {@code thread} is the post id or the Disqus thread id;
     * {@code parent} the source id of the comment it answers, or null.
     */
    record Comment(String id, String parent, String thread, String authorName, String email, String username,
            Instant createdAt, String html, int line) {
    }

    /** Receives what a reader finds, in file order. */
    interface Sink {
        default void author(Author author) {
        }

        default void post(Post post) {
        }

        default void thread(Thread thread) {
        }

        /** {@code importable}: false for what is skipped (unapproved, spam, deleted, on a page). */
        void comment(Comment comment, boolean importable);

        /** Something in the file that is deliberately not imported (a page, an attachment, a spam comment). */
        void skipped(String what);

        /** Something that could not be read; the rest of the file still imports. */
        void unreadable(String what, int line, String problem);
    }
}
