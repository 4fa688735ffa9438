package io.tribune.moderation;

import io.tribune.account.User;
import io.tribune.article.Article;
import io.tribune.article.CommentWindow;
import io.tribune.comment.SlowMode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * A moderator closes or reopens the comments of an article (when a debate turns sour), or slows them down (slow
 * mode), each with an audit entry.
 */
@ApplicationScoped
public class ThreadSwitch {

    private final AuditLog audit;
    private final CommentWindow commentWindow;

    ThreadSwitch(AuditLog audit, CommentWindow commentWindow) {
        this.audit = audit;
        this.commentWindow = commentWindow;
    }

    @Transactional
    public void set(User moderator, String articleSlug, boolean open, String reason) {
        Article article = Article.<Article>find("slug", articleSlug == null ? "" : articleSlug).firstResultOptional()
                .orElseThrow(() -> ModerationRefused.notFound("There is no such article."));
        String why = reason == null ? "" : reason.strip();
        if (!open && why.isEmpty()) {
            throw ModerationRefused.invalid("Say why the comments are being closed.");
        }
        // reopening is explicit: it also lifts the age rule (tribune.comments.close-after-days)
        boolean keptOpen = article.commentsOpen && article.commentsKeepOpen;
        if (open ? keptOpen : !article.commentsOpen) {
            return;
        }
        String before = "comments " + (commentWindow.isOpen(article) ? "open" : "closed") + " on " + article.slug;
        article.commentsOpen = open;
        article.commentsKeepOpen = open;
        audit.record(moderator, open ? ModerationAction.Type.COMMENTS_OPENED : ModerationAction.Type.COMMENTS_CLOSED,
                null, null, null, why, before, "comments " + (open ? "open" : "closed") + " on " + article.slug);
    }

    /**
     * Sets slow mode: the least seconds between two comments of one person on the article, 0 turning it off. The
     * value comes as typed in the form; anything but a whole number from 0 to 86,400 is refused with the reason.
     */
    @Transactional
    public int slowMode(User moderator, String articleSlug, String seconds) {
        Guard.requireModerator(moderator);
        Article article = Article.<Article>find("slug", articleSlug == null ? "" : articleSlug).firstResultOptional()
                .orElseThrow(() -> ModerationRefused.notFound("There is no such article."));
        int value = parseSeconds(seconds);
        if (value == article.slowModeSeconds) {
            return value;
        }
        String before = article.slowModeSeconds == 0 ? "off" : "one comment every " + SlowMode.interval(article.slowModeSeconds);
        article.slowModeSeconds = value;
        Article.threadsChanged(article.id); // the comment box says so: the article's pages are rendered again
        audit.record(moderator, ModerationAction.Type.SLOW_MODE, null, null, null, null, before,
                describe(value) + " on " + article.slug);
        return value;
    }

    static int parseSeconds(String raw) {
        String text = raw == null ? "" : raw.strip();
        String message = "Slow mode is a whole number of seconds from 0 (off) to " + SlowMode.MAX_SECONDS + " (one day).";
        if (!text.matches("[0-9]{1,6}")) {
            throw ModerationRefused.invalid(message);
        }
        int value = Integer.parseInt(text);
        if (value > SlowMode.MAX_SECONDS) {
            throw ModerationRefused.invalid(message);
        }
        return value;
    }

    private static String describe(int seconds) {
        return seconds == 0 ? "slow mode off" : "slow mode to one comment every " + SlowMode.interval(seconds);
    }
}
