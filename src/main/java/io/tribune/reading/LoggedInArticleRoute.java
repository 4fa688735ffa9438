package io.tribune.reading;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.tribune.account.session.KnownSessions;
import io.tribune.article.CommentWindow;
import io.tribune.config.TribuneConfig;
import io.tribune.web.KeptNavs;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A logged-in commenter's article page answered from memory on the event loop, like a reader's without an account
 * ({@link CachedArticleRoute}), when everything it shows is kept: their session and CSRF token
 * ({@link KnownSessions}), their header ({@link KeptNavs}) and state on the article ({@link KeptReaders}, read with a stamp no newer than
 * the one kept now), the article's stamp, its shared page and the vote counts of its vote version. Their page is the
 * shared page's kept bytes with their own few parts put in ({@link SharedArticlePage#compose}), sent without copying.
 * <p>
 * Anything else goes on to {@link ArticlePages}, which reads and renders, and keeps what it read for the next
 * request: a first visit, staff (their tools are on a page of their own), readers who may not take part, a reader with
 * a comment held on the article, and the request after a reader's own write (forgotten before its response).
 */
@ApplicationScoped
class LoggedInArticleRoute {

    private static final String HTML_UTF8 = "text/html;charset=UTF-8";
    private static final Set<String> STAFF = Set.of("moderator", "editor", "admin");

    private final KnownSessions sessions;
    private final KeptReaders readers;
    private final KeptNavs navs;
    private final AnonymousArticlePages stamps;
    private final SharedArticlePages sharedPages;
    private final VoteCounts voteCounts;
    private final ArticleVisits visits;
    private final CommentWindow commentWindow;
    private final int editMinutes;

    LoggedInArticleRoute(KnownSessions sessions, KeptReaders readers, KeptNavs navs, AnonymousArticlePages stamps,
            SharedArticlePages sharedPages, VoteCounts voteCounts, ArticleVisits visits, CommentWindow commentWindow,
            TribuneConfig config) {
        this.sessions = sessions;
        this.readers = readers;
        this.navs = navs;
        this.stamps = stamps;
        this.sharedPages = sharedPages;
        this.voteCounts = voteCounts;
        this.visits = visits;
        this.commentWindow = commentWindow;
        this.editMinutes = config.comments().editMinutes();
    }

    /** Whether this request was answered here; when not, nothing was changed and it goes on. */
    boolean served(RoutingContext routing, CachedArticleRoute.PageRequest request) {
        Optional<KnownSessions.Session> session = sessions.known(routing);
        if (session.isEmpty()) {
            return false;
        }
        KnownSessions.Known who = session.get().who();
        if (!who.roles().contains("commenter") || who.roles().stream().anyMatch(STAFF::contains)) {
            return false;
        }
        Optional<AnonymousArticlePages.Stamp> stamp = stamps.keptStamp(request.slug());
        Optional<String> nav = navs.kept(who.userId(), session.get().csrfToken());
        Optional<KeptReaders.Seen> seen = stamp.flatMap(s -> readers.seen(who.userId(), s.articleId()));
        if (stamp.isEmpty() || nav.isEmpty() || seen.isEmpty() || !seen.get().currentFor(stamp.get())
                || seen.get().state().blockReason() != null || seen.get().state().heldCommentHere()) {
            return false;
        }
        AnonymousArticlePages.Stamp current = stamp.get();
        boolean open = commentWindow.isOpen(current.commentsOpen(), current.commentsKeepOpen(), current.publishedAt());
        SharedArticlePages.Key key = new SharedArticlePages.Key(current.layout(request.sort()), open, request.sort(),
                request.page(), who.timeZone());
        Optional<SharedArticlePage> page = sharedPages.getIfPresent(key);
        Map<Long, Integer> counts = voteCounts.getIfPresent(key, current.voteVersion());
        if (page.isEmpty() || counts == null || (request.page() > 1 && page.get().empty())) {
            return false;
        }
        ReaderStates.State state = seen.get().state();
        String token = session.get().csrfToken();
        SharedArticlePage.Reader mine = new SharedArticlePage.Reader(who.username(), null, state.voted(), counts, token,
                nav.get(), editMinutes, false, state.muted(),
                visits.visit(who.userId(), current.articleId(), state.lastVisit()));
        HttpServerResponse response = routing.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, HTML_UTF8)
                .putHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING)
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        if (CachedArticleRoute.acceptsGzip(routing.request().getHeader(HttpHeaders.ACCEPT_ENCODING))) {
            // compressed here: the server's own compression leaves a response with a Content-Encoding alone
            response.putHeader(HttpHeaders.CONTENT_ENCODING, "gzip").end(Buffer.buffer(page.get().composeGzipped(mine)));
        } else {
            response.end(Buffer.buffer(page.get().compose(mine)));
        }
        return true;
    }
}
