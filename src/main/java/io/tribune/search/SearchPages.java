package io.tribune.search;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.tribune.web.Paging;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** {@code /search?q=}: the search form and ranked results with highlighted snippets. */
@Path("/search")
@Produces(MediaType.TEXT_HTML)
public class SearchPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance search(SearchResults results);
    }

    private final SearchService search;

    SearchPages(SearchService search) {
        this.search = search;
    }

    @GET
    public TemplateInstance search(@QueryParam("q") String q, @QueryParam("page") String page) {
        SearchResults results = search.search(q, Paging.page(page));
        if (results.page() > 1 && results.hits().isEmpty()) {
            throw new NotFoundException();
        }
        return Templates.search(results);
    }
}
