package io.tribune.article;

import java.time.Duration;
import java.time.Instant;

import io.tribune.config.TribuneConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/**
 * Whether an article takes comments, and until when. Three states: closed by a person ({@code comments_open} false),
 * kept open by a person (no closing date), or open until {@code tribune.comments.close-after-days} after
 * publication. Every page that shows the state (the article, its blurb, the desk, the API) asks here.
 */
@ApplicationScoped
@Named("commentWindow")
public class CommentWindow {

    private final TribuneConfig config;

    CommentWindow(TribuneConfig config) {
        this.config = config;
    }

    public boolean isOpen(Article article) {
        return isOpen(article.commentsOpen, article.commentsKeepOpen, article.publishedAt);
    }

    public boolean isOpen(boolean open, boolean keepOpen, Instant publishedAt) {
        Instant closes = closesAt(open, keepOpen, publishedAt);
        return open && (closes == null || Instant.now().isBefore(closes));
    }

    /** When comments close by themselves, or null: closed already by a person, kept open, or no age rule. */
    public Instant closesAt(Article article) {
        return closesAt(article.commentsOpen, article.commentsKeepOpen, article.publishedAt);
    }

    public Instant closesAt(boolean open, boolean keepOpen, Instant publishedAt) {
        int days = config.comments().closeAfterDays();
        if (!open || keepOpen || days <= 0 || publishedAt == null) {
            return null;
        }
        return publishedAt.plus(Duration.ofDays(days));
    }

    /** When an article published at {@code publishedAt} closes by the age rule, or null without one. */
    public Instant closesAtAfter(Instant publishedAt) {
        return closesAt(true, false, publishedAt);
    }

    /** For the desk: "auto" (closing on a date), "open" (kept open) or "closed". */
    public static String mode(boolean open, boolean keepOpen) {
        return !open ? "closed" : keepOpen ? "open" : "auto";
    }

    public int closeAfterDays() {
        return config.comments().closeAfterDays();
    }
}
