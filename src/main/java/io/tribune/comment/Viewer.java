package io.tribune.comment;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import io.tribune.account.User;

/**
 * Who is looking at a thread and what they may do there. {@code blockReason} explains why a logged-in user may not
 * take part (unverified, suspended, …); {@code open} is false once the article's comments are closed.
 */
public record Viewer(String username, String blockReason, boolean open, Set<Long> voted, int editMinutes,
        Set<Long> muted, Instant newSince, boolean moderator, boolean featurer) {

    public static final Viewer ANONYMOUS = new Viewer(null, null, true, Set.of(), 0);

    /**
     * Renders the thread once for every logged-in reader: each comment's actions are left as a marker, filled in
     * for each reader when their page is put together (io.tribune.reading).
     */
    public static final Viewer SHARED = new Viewer("", null, true, Set.of(), 0);

    /**
     * An anonymous reader whose page is kept: each comment's vote count is left as a marker, filled in from the
     * page's current counts when the page is put together (io.tribune.reading), so a vote does not render it again.
     */
    public static final Viewer COUNT_SLOTS = new Viewer(null, null, true, Set.of(), 0);

    public Viewer(String username, String blockReason, boolean open, Set<Long> voted, int editMinutes) {
        this(username, blockReason, open, voted, editMinutes, Set.of(), null, false, false);
    }

    /**
     * The reader's own conversation state: the authors they muted, when they last opened the article (comments since
     * are marked new; null marks none) and their staff tools (slow mode for moderators, featuring for moderators and
     * editors, both only while their account is active).
     */
    public Viewer withReader(Set<Long> mutedAuthors, Instant since, User user) {
        boolean active = user != null && user.status == io.tribune.account.UserStatus.ACTIVE;
        boolean mod = active && (user.hasRole("moderator") || user.hasRole("admin"));
        boolean feat = mod || active && user.hasRole("editor");
        return new Viewer(username, blockReason, open, voted, editMinutes, mutedAuthors, since, mod, feat);
    }

    public boolean shared() {
        return this == SHARED;
    }

    public boolean countSlots() {
        return this == COUNT_SLOTS;
    }

    public Viewer withOpen(boolean isOpen) {
        return isOpen == open ? this
                : new Viewer(username, blockReason, isOpen, voted, editMinutes, muted, newSince, moderator, featurer);
    }

    public boolean loggedIn() {
        return username != null;
    }

    public boolean canParticipate() {
        return loggedIn() && blockReason == null;
    }

    public boolean canComment() {
        return canParticipate() && open;
    }

    public boolean isAuthor(CommentNode node) {
        return loggedIn() && username.equalsIgnoreCase(node.authorUsername());
    }

    public boolean canVote(CommentNode node) {
        return canParticipate() && node.isVisible() && !isAuthor(node);
    }

    public boolean hasVoted(CommentNode node) {
        return voted.contains(node.id());
    }

    public boolean canEdit(CommentNode node) {
        return canParticipate() && node.isVisible() && isAuthor(node)
                && Instant.now().isBefore(node.createdAt().plus(Duration.ofMinutes(editMinutes)));
    }

    /** The earlier versions of an edited comment: for its author and for moderators. */
    public boolean canSeeHistory(CommentNode node) {
        return node.isEdited() && (isAuthor(node) || moderator && blockReason == null);
    }

    /** Not once deleted, nor once a moderator removed it (it stays on record, restorable: {@link CommentService#delete}). */
    public boolean canDelete(CommentNode node) {
        return loggedIn() && isAuthor(node) && node.status() != CommentStatus.DELETED
                && node.status() != CommentStatus.REMOVED;
    }

    /** The reader muted this comment's author: it is shown folded, "Comment by a muted user — show". */
    public boolean mutes(CommentNode node) {
        return node.authorId() != null && muted.contains(node.authorId());
    }

    /** Posted by someone else since the reader last opened the article. */
    public boolean isNew(CommentNode node) {
        return newSince != null && node.createdAt().isAfter(newSince) && !isAuthor(node);
    }

    /** The visible comments of the page new to the reader (not from muted authors), in the order of the page. */
    public java.util.List<Long> newIn(CommentThread thread) {
        java.util.List<Long> ids = new java.util.ArrayList<>();
        if (newSince != null) {
            thread.threads().forEach(node -> collectNew(node, ids));
        }
        return ids;
    }

    private void collectNew(CommentNode node, java.util.List<Long> into) {
        if (node.isVisible() && isNew(node) && !mutes(node)) {
            into.add(node.id());
        }
        node.replies().forEach(reply -> collectNew(reply, into));
    }
}
