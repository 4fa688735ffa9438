package io.tribune.search;

import java.time.Duration;
import java.util.Optional;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.tribune.config.TribuneConfig;
import io.tribune.web.ClientAddress;
import io.tribune.web.DatabaseChanges;
import io.tribune.web.LocalRateLimiter;
import io.tribune.web.Paging;
import io.tribune.web.PublicPages;
import io.tribune.web.SharedHtml;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code /search?q=}: the search form and ranked results with highlighted snippets. Results are kept per query and
 * page until an article or a list of articles changes ({@link PublicPages}).
 */
@Path("/search")
@Produces(MediaType.TEXT_HTML)
public class SearchPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance search(SearchResults results);
    }

    private final SearchService search;
    private final LocalRateLimiter limiter;

    private static final int MAX_PAGES = 2_000;

    private final SharedHtml html;
    private final PublicPages kept;

    SearchPages(SearchService search, SharedHtml html, DatabaseChanges changes, TribuneConfig config) {
        this.search = search;
        this.html = html;
        this.kept = new PublicPages(changes, config, MAX_PAGES, null, "articles", "lists");
        this.limiter = new LocalRateLimiter(config.rateLimit().searchPerIp(), config.rateLimit().searchWindow());
    }

    @GET
    public Response search(@QueryParam("q") String q, @QueryParam("page") String page,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch, HttpServerRequest request) {
        int number = Paging.page(page);
        if (!SearchService.normalize(q).isEmpty()) {
            Optional<Duration> wait = limiter.acquire(ClientAddress.of(request));
            if (wait.isPresent()) {
                // the form again, with what was typed, and no query run
                return Response.status(429).header("Retry-After", wait.get().toSeconds())
                        .entity(Templates.search(SearchResults.refused(q, "You have searched a lot in a short time."
                                + " Please try again in " + wait.get().toSeconds() + " seconds.")))
                        .build();
            }
        }
        return html.answer(kept, number + "/" + SearchService.normalize(q), ifNoneMatch, () -> {
            SearchResults results = search.search(q, number);
            if (results.page() > 1 && results.hits().isEmpty()) {
                throw new NotFoundException();
            }
            return Templates.search(results);
        });
    }
}
