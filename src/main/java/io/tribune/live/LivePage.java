package io.tribune.live;

import io.tribune.article.Article;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/**
 * Whether an article page loads the live script ({@code {inject:live.wanted(article, open)}}): while its comments are
 * open, or while a visible comment on it is recent ({@code tribune.live.recent-activity}), and never when the streams
 * are off. The answer is the same for every reader, so it may be part of shared and cached pages.
 */
@Named("live")
@ApplicationScoped
public class LivePage {

    private final LiveSettings settings;
    private final LiveReads reads;

    LivePage(LiveSettings settings, LiveReads reads) {
        this.settings = settings;
        this.reads = reads;
    }

    public boolean wanted(Article article, boolean commentsOpen) {
        if (!settings.enabled()) {
            return false;
        }
        // a closed thread (rare, and its page is cached) costs one statement to ask
        return commentsOpen || reads.recentActivity(article.id, settings.recentActivity());
    }
}
