package io.tribune.comment;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * Who is looking at a thread and what they may do there. {@code blockReason} explains why a logged-in user may not
 * take part (unverified, suspended, …); {@code open} is false once the article's comments are closed.
 */
public record Viewer(String username, String blockReason, boolean open, Set<Long> voted, int editMinutes,
        boolean moderator) {

    public Viewer(String username, String blockReason, boolean open, Set<Long> voted, int editMinutes) {
        this(username, blockReason, open, voted, editMinutes, false);
    }

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

    public boolean shared() {
        return this == SHARED;
    }

    public boolean countSlots() {
        return this == COUNT_SLOTS;
    }

    public Viewer withOpen(boolean isOpen) {
        return isOpen == open ? this : new Viewer(username, blockReason, isOpen, voted, editMinutes, moderator);
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
}
