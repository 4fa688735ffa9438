package io.tribune.comment;

import java.util.Comparator;
import java.util.Locale;

/**
 * How threads are ordered on an article page: {@code ?sort=oldest|newest|top}; {@code featured} lists the featured
 * comments alone, most recently featured first ({@link ThreadService}).
 */
public enum CommentSort {
    OLDEST("c.createdAt asc, c.id asc", Comparator.comparing(CommentNode::createdAt).thenComparing(CommentNode::id)),
    NEWEST("c.createdAt desc, c.id desc",
            Comparator.comparing(CommentNode::createdAt).thenComparing(CommentNode::id).reversed()),
    TOP("c.voteCount desc, c.createdAt asc, c.id asc", Comparator.comparing(CommentNode::votes).reversed()
            .thenComparing(CommentNode::createdAt).thenComparing(CommentNode::id)),
    FEATURED("c.featuredAt desc, c.id desc", Comparator.comparing(CommentNode::createdAt).thenComparing(CommentNode::id));

    final String orderBy;
    final Comparator<CommentNode> comparator;

    CommentSort(String orderBy, Comparator<CommentNode> comparator) {
        this.orderBy = orderBy;
        this.comparator = comparator;
    }

    /** Unknown or missing values fall back to the default, oldest first. */
    public static CommentSort parse(String raw) {
        if (raw != null) {
            for (CommentSort sort : values()) {
                if (sort.name().equals(raw.trim().toUpperCase(Locale.ROOT))) {
                    return sort;
                }
            }
        }
        return OLDEST;
    }

    public String param() {
        return name().toLowerCase(Locale.ROOT);
    }
}
