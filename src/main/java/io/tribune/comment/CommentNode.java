package io.tribune.comment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A comment as a thread shows it, with its replies. Built in Java from one query, never lazily. */
public final class CommentNode {

    private final long id;
    private final Long authorId;
    private String badge;
    private boolean heldForViewer;
    private final Long parentId;
    private final String authorUsername;
    private final String authorName;
    private final boolean authorGone;
    private final String bodyHtml;
    private final CommentStatus status;
    private final Instant createdAt;
    private final Instant editedAt;
    private final int votes;
    private final int depth;
    private String inReplyTo;
    private final List<CommentNode> replies = new ArrayList<>();
    private int hiddenReplies;
    private final java.time.Instant featuredAt;
    private final String featuredNote;

    public CommentNode(Comment c) {
        this.id = c.id;
        this.authorId = c.author.id;
        this.badge = staffBadge(c.author);
        this.parentId = c.parentId;
        this.authorUsername = c.author.username;
        this.authorName = c.author.displayName;
        this.authorGone = c.author.status == io.tribune.account.UserStatus.DELETED;
        this.bodyHtml = c.bodyHtml;
        this.status = c.status;
        this.createdAt = c.createdAt;
        this.editedAt = c.editedAt;
        this.votes = c.voteCount;
        this.depth = c.depth;
        this.featuredAt = c.featuredAt;
        this.featuredNote = c.featuredNote;
    }

    public Long authorId() {
        return authorId;
    }

    /** Featured by a moderator or an editor (shown in the article's "Featured comments"). */
    public boolean featured() {
        return featuredAt != null;
    }

    /** The note the moderator or editor gave when featuring it; null when none. */
    public String featuredNote() {
        return featuredNote;
    }

    /** How many comments are under this one, at any depth. */
    public int replyCount() {
        int n = 0;
        for (CommentNode reply : replies) {
            n += 1 + reply.replyCount();
        }
        return n;
    }

    /** Every reply under this comment, shown or left out of a long thread. */
    public int totalReplies() {
        return replyCount() + hiddenReplies;
    }

    /** Replies left out of a long thread on the article page (its own page lists them all). */
    public int hiddenReplies() {
        return hiddenReplies;
    }

    /** Keeps the first {@code shown} replies (with everything under them); counts what is left out. */
    void showFirstReplies(int shown) {
        if (shown <= 0 || replies.size() <= shown) {
            return;
        }
        List<CommentNode> rest = replies.subList(shown, replies.size());
        for (CommentNode reply : rest) {
            hiddenReplies += 1 + reply.replyCount();
        }
        rest.clear();
    }

    public long id() {
        return id;
    }

    public Long parentId() {
        return parentId;
    }

    public String authorUsername() {
        return authorUsername;
    }

    public String authorName() {
        return authorName;
    }

    /** The author deleted their account but kept their comments: no profile to link to. */
    public boolean authorGone() {
        return authorGone;
    }

    /**
     * Sanitized HTML; null unless the comment is visible (or is the viewer's own, held for review), so a placeholder
     * never leaks the removed text.
     */
    public String bodyHtml() {
        return isVisible() || heldForViewer ? bodyHtml : null;
    }

    /** "Moderator", "Editor", "Admin" for staff, "Author" for the article's own author; else null. */
    public String badge() {
        return badge;
    }

    /** The comment is held for review and the viewer wrote it: shown to them alone, marked "awaiting review". */
    public boolean heldForViewer() {
        return heldForViewer;
    }

    /** Marks the comment as its viewer's own held comment, if it is one. */
    public CommentNode shownToAuthor(Long viewerId) {
        heldForViewer = status == CommentStatus.PENDING && viewerId != null && viewerId.equals(authorId);
        return this;
    }

    void byArticleAuthor(Long articleAuthorUserId) {
        if (articleAuthorUserId != null && articleAuthorUserId.equals(authorId)) {
            badge = "Author";
        }
    }

    private static String staffBadge(io.tribune.account.User author) {
        if (author.status != io.tribune.account.UserStatus.ACTIVE) {
            return null; // a sanctioned or deleted account holds no staff role
        }
        return author.hasRole("admin") ? "Admin" : author.hasRole("editor") ? "Editor"
                : author.hasRole("moderator") ? "Moderator" : null;
    }

    public CommentStatus status() {
        return status;
    }

    public boolean isVisible() {
        return status == CommentStatus.VISIBLE;
    }

    /** The line shown in place of a comment that is not visible but keeps its replies in the thread. */
    public String placeholder() {
        return switch (status) {
            case REMOVED -> "Comment removed by a moderator";
            case DELETED -> "Comment deleted by its author";
            case PENDING -> "This comment is awaiting moderation";
            case VISIBLE -> "";
        };
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant editedAt() {
        return editedAt;
    }

    public boolean isEdited() {
        return editedAt != null;
    }

    public int votes() {
        return votes;
    }

    public int depth() {
        return depth;
    }

    /** Set when the reply was placed at the depth cap, under its parent's parent. */
    public String inReplyTo() {
        return inReplyTo;
    }

    public List<CommentNode> replies() {
        return replies;
    }

    public boolean hasReplies() {
        return !replies.isEmpty();
    }

    void inReplyTo(String name) {
        this.inReplyTo = name;
    }
}
