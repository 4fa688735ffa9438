package io.tribune.comment;

public enum CommentStatus {
    VISIBLE, REMOVED, DELETED, PENDING
}
