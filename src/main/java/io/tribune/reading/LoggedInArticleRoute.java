package io.tribune.reading;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.tribune.account.session.KnownSessions;
import io.tribune.article.CommentWindow;
import io.tribune.comment.CommentSort;
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
 * the one kept now), the article's stamp, its shared page and the vote counts of its vote version (or, for at most a
 * second while one request makes the next version, the previous one). Their page is the
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
    private final Cache<Slot, Latest> latests = Caffeine.newBuilder().maximumSize(20_000)
            .expireAfterAccess(Duration.ofMinutes(10)).build();

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

    /** Where a page of an article is shown to readers in one time zone, whatever its stamp. */
    private record Slot(String slug, CommentSort sort, int page, ZoneId zone) {
    }

    /** What a page is made of for one stamp: the shared page and the counts of the stamp's vote version. */
    private record Served(AnonymousArticlePages.Stamp stamp, SharedArticlePage page, Map<Long, Integer> counts) {
    }

    /** The last page made for a slot, and since when its stamp has no page kept yet (0: it has). */
    private static final class Latest {
        private static final AtomicLongFieldUpdater<Latest> MISSING =
                AtomicLongFieldUpdater.newUpdater(Latest.class, "missingSince");
        volatile Served served;
        volatile long missingSince;
    }

    /**
     * The page for the article's kept stamp when its shared page and counts are kept. Otherwise (a comment or a vote
     * just moved the stamp) the first request goes the usual way to read and render it, and the others get the
     * previous version meanwhile, for at most {@link AnonymousArticlePages#STALE_NANOS} — as readers without an
     * account do: a page under discussion is made once at a time. A reader whose own state is newer than that
     * version (they just wrote) never gets it ({@link KeptReaders.Seen#currentFor}).
     */
    private Optional<Served> servable(Slot slot) {
        Optional<AnonymousArticlePages.Stamp> stamp = stamps.keptStamp(slot.slug());
        if (stamp.isPresent()) {
            AnonymousArticlePages.Stamp current = stamp.get();
            boolean open = commentWindow.isOpen(current.commentsOpen(), current.commentsKeepOpen(), current.publishedAt());
            SharedArticlePages.Key key = new SharedArticlePages.Key(current.layout(slot.sort()), open, slot.sort(),
                    slot.page(), slot.zone());
            Optional<SharedArticlePage> page = sharedPages.getIfPresent(key);
            Map<Long, Integer> counts = voteCounts.getIfPresent(key, current.voteVersion());
            if (page.isPresent() && counts != null) {
                Latest latest = latests.get(slot, s -> new Latest());
                Served known = latest.served;
                if (known == null || known.page() != page.get() || known.counts() != counts || !known.stamp().equals(current)) {
                    known = new Served(current, page.get(), counts);
                    latest.served = known;
                }
                latest.missingSince = 0;
                return Optional.of(known);
            }
        }
        Latest latest = latests.getIfPresent(slot);
        Served previous = latest == null ? null : latest.served;
        if (previous == null) {
            return Optional.empty();
        }
        long now = System.nanoTime();
        long since = latest.missingSince;
        if (since == 0) {
            // this request reads and renders the new version; the others get the previous one meanwhile
            return Latest.MISSING.compareAndSet(latest, 0, now) ? Optional.empty() : Optional.of(previous);
        }
        return now - since < AnonymousArticlePages.STALE_NANOS ? Optional.of(previous) : Optional.empty();
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
        Optional<Served> served = servable(new Slot(request.slug(), request.sort(), request.page(), who.timeZone()));
        Optional<String> nav = navs.kept(who.userId(), session.get().csrfToken());
        Optional<KeptReaders.Seen> seen = served.flatMap(s -> readers.seen(who.userId(), s.stamp().articleId()));
        if (served.isEmpty() || nav.isEmpty() || seen.isEmpty() || !seen.get().currentFor(served.get().stamp())
                || seen.get().state().blockReason() != null || seen.get().state().heldCommentHere()
                || (request.page() > 1 && served.get().page().empty())) {
            return false;
        }
        SharedArticlePage page = served.get().page();
        ReaderStates.State state = seen.get().state();
        SharedArticlePage.Reader mine = new SharedArticlePage.Reader(who.username(), null, state.voted(),
                served.get().counts(), session.get().csrfToken(), nav.get(), editMinutes, false, state.muted(),
                visits.visit(who.userId(), served.get().stamp().articleId(), state.lastVisit()));
        HttpServerResponse response = routing.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, HTML_UTF8)
                .putHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING)
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        if (CachedArticleRoute.acceptsGzip(routing.request().getHeader(HttpHeaders.ACCEPT_ENCODING))) {
            // compressed here: the server's own compression leaves a response with a Content-Encoding alone
            response.putHeader(HttpHeaders.CONTENT_ENCODING, "gzip").end(Buffer.buffer(page.composeGzipped(mine)));
        } else {
            response.end(Buffer.buffer(page.compose(mine)));
        }
        return true;
    }
}
