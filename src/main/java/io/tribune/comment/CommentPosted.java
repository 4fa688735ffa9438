package io.tribune.comment;

import java.util.Set;

/**
 * A new comment or reply, fired in the transaction that stores it. {@code parentAuthorId} is the author of the
 * comment replied to (null for a top-level comment); {@code visible} is false when a screen held it for review;
 * {@code mentioned} are the {@code @names} in its text, as typed (they may not exist).
 */
public record CommentPosted(long commentId, long authorId, Long parentAuthorId, long articleId, boolean visible,
        Set<String> mentioned) {
}
