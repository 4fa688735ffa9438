package io.tribune.reading;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.tribune.article.CommentWindow;
import io.tribune.comment.CommentSort;
import io.tribune.config.TribuneConfig;
import io.tribune.web.DatabaseGate;
import io.tribune.web.HttpCaching;
import io.tribune.web.MalformedAccept;
import io.tribune.web.Paging;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The fast path for the busiest request of a news site: an article page read by someone without an account. When
 * that page is already rendered for the article's current stamp ({@link AnonymousArticlePages}), it is answered here
 * from memory on the event loop — no worker thread, no database, no REST machinery. A logged-in reader's page is
 * answered here too when everything it needs is kept ({@link LoggedInArticleRoute}). Everything else (a page not
 * rendered yet, a query this does not recognise, the database gate closed) goes on to
 * {@link ArticlePages}, which renders and caches the page, so both paths send the same bytes.
 */
@ApplicationScoped
class CachedArticleRoute {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern PAGE = Pattern.compile("[1-9][0-9]{0,4}");
    private static final List<String> PARAMETERS = List.of("sort", "page");
    private static final String HTML_UTF8 = "text/html;charset=UTF-8";
    private static final String GZIP = "gzip";

    private final AnonymousArticlePages pages;
    private final CommentWindow commentWindow;
    private final DatabaseGate gate;
    private final HttpCaching caching;
    private final String sessionCookie;
    private final LoggedInArticleRoute loggedIn;

    CachedArticleRoute(AnonymousArticlePages pages, CommentWindow commentWindow, DatabaseGate gate, HttpCaching caching,
            TribuneConfig config, LoggedInArticleRoute loggedIn) {
        this.loggedIn = loggedIn;
        this.pages = pages;
        this.commentWindow = commentWindow;
        this.gate = gate;
        this.caching = caching;
        this.sessionCookie = config.accounts().sessionCookie();
    }

    void install(@Observes Router router) {
        // early: after the configured response headers and compression are set up, before REST routing
        router.get("/articles/:slug").order(RouteConstants.ROUTE_ORDER_COMPRESSION + 1).handler(this::serve);
    }

    void serve(RoutingContext routing) {
        Optional<PageRequest> request = gate.isOpen()
                && routing.get(MalformedAccept.MARK) == null // refused by the REST layer, like on every other page
                ? PageRequest.of(routing)
                : Optional.empty();
        if (request.isEmpty()) {
            routing.next();
        } else if (routing.request().getCookie(sessionCookie) != null) {
            if (!loggedIn.served(routing, request.get())) {
                routing.next();
            }
        } else {
            Optional<AnonymousArticlePages.Page> page = cached(request.get());
            if (page.isEmpty()) {
                routing.next();
            } else {
                send(routing, page.get());
            }
        }
    }

    private void send(RoutingContext routing, AnonymousArticlePages.Page page) {
        boolean gzip = acceptsGzip(routing.request().getHeader(HttpHeaders.ACCEPT_ENCODING));
        String etag = gzip ? HttpCaching.gzipped(page.etag()) : page.etag();
        HttpServerResponse response = routing.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, HTML_UTF8)
                .putHeader(HttpHeaders.VARY, HttpCaching.VARY)
                .putHeader(HttpHeaders.CACHE_CONTROL, caching.cacheControl())
                .putHeader(HttpHeaders.ETAG, etag);
        if (HttpCaching.matches(routing.request().getHeader(HttpHeaders.IF_NONE_MATCH), etag)) {
            response.setStatusCode(304).end();
        } else if (gzip) {
            // already compressed: the server's own compression leaves a response with a Content-Encoding alone
            response.putHeader(HttpHeaders.CONTENT_ENCODING, GZIP).end(page.gzipped());
        } else {
            response.end(page.html());
        }
    }

    /** An article page as this route understands its address: anything else goes the usual way. */
    record PageRequest(String slug, CommentSort sort, int page) {

        static Optional<PageRequest> of(RoutingContext routing) {
            String slug = routing.pathParam("slug");
            MultiMap query = routing.queryParams();
            if (slug == null || !SLUG.matcher(slug).matches() || !PARAMETERS.containsAll(query.names())) {
                return Optional.empty();
            }
            List<String> sort = query.getAll("sort");
            List<String> page = query.getAll("page");
            if (sort.size() > 1 || page.size() > 1 || (page.size() == 1 && !PAGE.matcher(page.get(0)).matches())) {
                return Optional.empty();
            }
            CommentSort order = CommentSort.parse(sort.isEmpty() ? null : sort.get(0));
            if (!sort.isEmpty() && !order.param().equals(sort.get(0))) {
                return Optional.empty();
            }
            return Optional.of(new PageRequest(slug, order, page.isEmpty() ? 1 : Paging.page(page.get(0))));
        }
    }

    /** Whether an Accept-Encoding header admits gzip (listed, or by "*", and not with q=0). */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        boolean gzip = false;
        for (String part : acceptEncoding.split(",")) {
            String[] pieces = part.split(";");
            String coding = pieces[0].trim().toLowerCase(Locale.ROOT);
            boolean refused = false;
            for (int i = 1; i < pieces.length; i++) {
                String parameter = pieces[i].trim().toLowerCase(Locale.ROOT).replace(" ", "");
                refused |= parameter.matches("q=0(\\.0{0,3})?");
            }
            if (coding.equals("gzip") || coding.equals("x-gzip")) {
                return !refused;
            }
            if (coding.equals("*")) {
                gzip = !refused;
            }
        }
        return gzip;
    }

    private Optional<AnonymousArticlePages.Page> cached(PageRequest request) {
        return pages.cached(request.slug(), stamp -> commentWindow.isOpen(stamp.commentsOpen(), stamp.commentsKeepOpen(), stamp.publishedAt()),
                request.sort(), request.page())
                // a page past the end of the threads is a 404, which the REST path answers
                .filter(cached -> request.page() == 1 || !cached.empty());
    }
}
