package io.tribune.reading;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.tribune.account.CurrentUser;
import io.tribune.article.Article;
import io.tribune.article.ArticleService;
import io.tribune.article.CommentWindow;
import io.tribune.comment.CommentNode;
import io.tribune.comment.CommentSort;
import io.tribune.comment.CommentThread;
import io.tribune.comment.ThreadService;
import io.tribune.comment.Viewer;
import io.tribune.config.TribuneConfig;
import io.tribune.web.FormToken;
import io.tribune.web.HttpCaching;
import io.tribune.web.KeptNavs;
import io.tribune.web.Paging;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.RedirectionException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * An article with its comment threads. Readers without an account get the whole page from
 * {@link AnonymousArticlePages}; logged-in readers get the page every logged-in reader shares
 * ({@link SharedArticlePage}) with their own header, token, comment box and actions put in, and their state read in
 * one statement ({@link ReaderStates}): their votes, the people they muted and their previous visit (comments
 * since are marked new; {@link ArticleVisits}). A reader with a comment held for review on the article, and staff
 * (their feature and slow-mode forms), get the page rendered for them alone. {@code ?thread=<id>} is one whole
 * thread (the "N more replies" link).
 */
@Path("/articles")
@Produces(MediaType.TEXT_HTML)
public class ArticlePages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance article(Article article, String threadHtml, Viewer viewer, boolean shared);

        static native TemplateInstance thread(String slug, CommentThread thread, Viewer viewer);

        static native TemplateInstance accountNav();
    }

    private static final String HTML_UTF8 = MediaType.TEXT_HTML + ";charset=UTF-8";

    private final ArticleService articles;
    private final ThreadService threads;
    private final CommentWindow commentWindow;
    private final CurrentUser currentUser;
    private final SecurityIdentity identity;
    private final AnonymousArticlePages anonymousPages;
    private final SharedArticlePages sharedPages;
    private final ReaderStates readers;
    private final VoteCounts voteCounts;
    private final FormToken formToken;
    private final HttpCaching caching;
    private final int editMinutes;
    private final int repliesShown;
    private final ArticleVisits visits;
    private final KeptReaders kept;
    private final KeptNavs navs;

    ArticlePages(ArticleService articles, ThreadService threads, CommentWindow commentWindow, CurrentUser currentUser,
            SecurityIdentity identity, AnonymousArticlePages anonymousPages, SharedArticlePages sharedPages, ReaderStates readers,
            VoteCounts voteCounts, FormToken formToken, HttpCaching caching, TribuneConfig config, ArticleVisits visits,
            KeptReaders kept, KeptNavs navs) {
        this.navs = navs;
        this.visits = visits;
        this.kept = kept;
        this.repliesShown = config.comments().repliesShown();
        this.articles = articles;
        this.threads = threads;
        this.commentWindow = commentWindow;
        this.currentUser = currentUser;
        this.identity = identity;
        this.anonymousPages = anonymousPages;
        this.sharedPages = sharedPages;
        this.readers = readers;
        this.voteCounts = voteCounts;
        this.formToken = formToken;
        this.caching = caching;
        this.editMinutes = config.comments().editMinutes();
    }

    @GET
    @Path("{slug}")
    public Response article(@PathParam("slug") String slug, @QueryParam("sort") String sort,
            @QueryParam("page") String page, @QueryParam("thread") String thread,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        CommentSort order = CommentSort.parse(sort);
        int number = Paging.page(page);
        if (thread != null && !thread.isEmpty()) { // an empty one is the ordinary page
            return wholeThread(slug, thread);
        }
        if (!currentUser.isLoggedIn()) {
            return anonymous(slug, order, number, ifNoneMatch);
        }
        if (!identity.hasRole("commenter") || identity.hasRole("moderator") || identity.hasRole("editor")
                || identity.hasRole("admin")) {
            // unverified, suspended or de-registered (their sessions hold no role): their page carries their banner
            // or warning, so it is never rendered as, or from, the shared page; staff get their tools (slow mode,
            // featuring) on a page of their own too
            return personal(slug, order, number);
        }
        // read again, not kept: the reader's own comment or vote is on their next page (read-your-writes)
        AnonymousArticlePages.Stamp stamp = anonymousPages.currentStamp(slug).orElseThrow(() -> movedOrMissing(slug));
        boolean open = commentWindow.isOpen(stamp.commentsOpen(), stamp.commentsKeepOpen(), stamp.publishedAt());
        // kept whatever the votes (unless ordered by them): the counts are filled in from the stamp's vote version;
        // kept once per time zone readers chose (null: the site's)
        SharedArticlePages.Key key = new SharedArticlePages.Key(stamp.layout(order), open, order, number,
                identity.<java.time.ZoneId>getAttribute(io.tribune.web.TimeExtensions.ZONE_ATTRIBUTE));
        Optional<SharedArticlePage> shared = sharedPages.get(key,
                () -> renderShared(slug, open, order, number, key, stamp.voteVersion()));
        if (shared.isEmpty()) {
            return personal(slug, order, number);
        }
        if (number > 1 && shared.get().empty()) {
            throw new NotFoundException();
        }
        long userId = currentUser.id().orElseThrow(NotFoundException::new);
        long readStart = kept.beforeRead();
        Optional<ReaderStates.State> state = readers.read(userId, stamp.articleId());
        if (state.isEmpty() || state.get().heldCommentHere()) {
            return personal(slug, order, number);
        }
        String token = formToken.value();
        String nav = navs.get(userId, token, () -> Templates.accountNav().render().strip());
        // the next page of this reader is answered from memory (LoggedInArticleRoute) until something of theirs changes
        kept.keep(readStart, userId, stamp.articleId(),
                new KeptReaders.Seen(state.get(), stamp.threadVersion(), stamp.voteVersion()));
        SharedArticlePage.Reader reader = new SharedArticlePage.Reader(identity.getPrincipal().getName(),
                state.get().blockReason(), state.get().voted(),
                voteCounts.get(key, stamp.voteVersion(), shared.get().commentIds()), token, nav, editMinutes,
                identity.hasRole("moderator"), state.get().muted(),
                visits.visit(userId, stamp.articleId(), state.get().lastVisit()));
        return Response.ok(shared.get().pageFor(reader), HTML_UTF8).build();
    }

    private Optional<SharedArticlePage> renderShared(String slug, boolean open, CommentSort order, int number,
            SharedArticlePages.Key key, long voteVersion) {
        Article article = articles.findPublished(slug).orElseThrow(NotFoundException::new);
        CommentThread thread = threads.pageWithFeatured(article, order, number, null).showingFirstReplies(repliesShown);
        String threadHtml = Templates.thread(article.slug, thread, Viewer.SHARED).render();
        String html = Templates.article(article, threadHtml, Viewer.SHARED.withOpen(open), true).render();
        Map<Long, CommentNode> nodes = new HashMap<>();
        thread.threads().forEach(node -> collect(node, nodes));
        thread.featured().forEach(node -> nodes.putIfAbsent(node.id(), node));
        voteCounts.rendered(key, voteVersion, counts(nodes));
        return SharedArticlePage.cut(html, Templates.accountNav().render().strip(), formToken.value(), nodes, open,
                thread.threads().isEmpty());
    }

    private static Map<Long, Integer> counts(Map<Long, CommentNode> nodes) {
        Map<Long, Integer> counts = new HashMap<>(nodes.size() * 2);
        nodes.forEach((id, node) -> counts.put(id, node.votes()));
        return counts;
    }

    private static void collect(CommentNode node, Map<Long, CommentNode> into) {
        into.put(node.id(), node);
        node.replies().forEach(reply -> collect(reply, into));
    }

    /** The page rendered for this reader alone. */
    private Response personal(String slug, CommentSort order, int number) {
        Article article = articles.findPublished(slug).orElseThrow(() -> movedOrMissing(slug));
        boolean open = commentWindow.isOpen(article);
        // the reader's own held comments are shown to them in place, marked "awaiting review"
        CommentThread thread = threads.pageWithFeatured(article, order, number, currentUser.id().orElse(null))
                .showingFirstReplies(repliesShown);
        if (number > 1 && thread.threads().isEmpty()) {
            throw new NotFoundException();
        }
        return personalPage(article, open, thread, true);
    }

    private Response personalPage(Article article, boolean open, CommentThread thread, boolean visit) {
        io.tribune.account.User user = currentUser.get().orElseThrow(NotFoundException::new);
        Viewer viewer = threads.viewer(user, open, thread);
        ReaderStates.State state = readers.read(user.id, article.id).orElseThrow(NotFoundException::new);
        viewer = viewer.withReader(state.muted(), visit ? visits.visit(user.id, article.id, state.lastVisit()) : null, user);
        String threadHtml = Templates.thread(article.slug, thread, viewer).render();
        return Response.ok(Templates.article(article, threadHtml, viewer.withOpen(open), false), HTML_UTF8).build();
    }

    /**
     * One thread with all its replies ({@code ?thread=<id>}, the "N more replies" link): rendered for each request,
     * for readers without an account as for the others (it is not in the page caches). Not found unless the id is a
     * top-level comment listed on this article.
     */
    private Response wholeThread(String slug, String rawId) {
        long id = io.tribune.web.Ids.parse(rawId).orElseThrow(NotFoundException::new);
        Article article = articles.findPublished(slug).orElseThrow(() -> movedOrMissing(slug));
        boolean open = commentWindow.isOpen(article);
        Long viewerId = currentUser.isLoggedIn() ? currentUser.id().orElse(null) : null;
        CommentThread thread = threads.wholeThread(article, id, viewerId).orElseThrow(NotFoundException::new);
        if (viewerId == null) {
            String threadHtml = Templates.thread(article.slug, thread, Viewer.ANONYMOUS).render();
            return Response.ok(Templates.article(article, threadHtml, Viewer.ANONYMOUS.withOpen(open), false), HTML_UTF8).build();
        }
        return personalPage(article, open, thread, false);
    }

    private Response anonymous(String slug, CommentSort order, int number, String ifNoneMatch) {
        AnonymousArticlePages.Stamp stamp = anonymousPages.stamp(slug).orElseThrow(() -> movedOrMissing(slug));
        boolean open = commentWindow.isOpen(stamp.commentsOpen(), stamp.commentsKeepOpen(), stamp.publishedAt());
        AnonymousArticlePages.Page rendered = anonymousPages.get(slug, stamp, open, order, number, () -> {
            Article article = articles.findPublished(slug).orElseThrow(NotFoundException::new);
            CommentThread thread = threads.pageWithFeatured(article, order, number, null).showingFirstReplies(repliesShown);
            String threadHtml = Templates.thread(article.slug, thread, Viewer.COUNT_SLOTS).render();
            String html = Templates.article(article, threadHtml, Viewer.ANONYMOUS.withOpen(open), false).render();
            Map<Long, CommentNode> nodes = new HashMap<>();
            thread.threads().forEach(node -> collect(node, nodes));
            thread.featured().forEach(node -> nodes.putIfAbsent(node.id(), node));
            return new AnonymousArticlePages.Rendered(html, counts(nodes), thread.threads().isEmpty());
        });
        if (number > 1 && rendered.empty()) {
            throw new NotFoundException();
        }
        return caching.publicPage(rendered.html(), rendered.etag(), ifNoneMatch);
    }

    /** An old slug of a published article answers 301 to its current address; anything else is not found. */
    private WebApplicationException movedOrMissing(String slug) {
        return articles.redirectFor(slug)
                .<WebApplicationException>map(to -> new RedirectionException(Response.Status.MOVED_PERMANENTLY,
                        URI.create("/articles/" + to)))
                .orElseGet(NotFoundException::new);
    }
}
