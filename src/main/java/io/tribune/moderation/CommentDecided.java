package io.tribune.moderation;

/**
 * A moderator's decision on a comment, fired in the decision's transaction. {@code wasHeld}: the comment was waiting
 * for review (held or hidden by reports) before it was approved. {@code reason} is in plain words, without the
 * moderator's private note.
 */
public record CommentDecided(long commentId, long authorId, long moderatorId, Outcome outcome, String reason, boolean wasHeld) {

    public enum Outcome {
        APPROVED, REMOVED, RESTORED
    }
}
