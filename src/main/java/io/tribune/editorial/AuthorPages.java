package io.tribune.editorial;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.tribune.article.ArticlePage;
import io.tribune.article.ArticleService;
import io.tribune.article.Author;
import io.tribune.web.Paging;
import io.tribune.config.TribuneConfig;
import io.tribune.web.DatabaseChanges;
import io.tribune.web.PublicPages;
import io.tribune.web.SharedHtml;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * An author's public page: name, short bio and their published articles; kept until an article, a list of
 * articles or a byline changes ({@link PublicPages}).
 */
@Path("/authors")
@Produces(MediaType.TEXT_HTML)
public class AuthorPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance author(Author author, ArticlePage page);
    }

    private static final int MAX_PAGES = 1_000;

    private final ArticleService articles;
    private final SharedHtml html;
    private final PublicPages kept;

    AuthorPages(ArticleService articles, SharedHtml html, DatabaseChanges changes, TribuneConfig config) {
        this.articles = articles;
        this.html = html;
        this.kept = new PublicPages(changes, config, MAX_PAGES, null, "articles", "lists");
    }

    @GET
    @Path("{slug}")
    public Response author(@PathParam("slug") String slug, @QueryParam("page") String page,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        int number = Paging.page(page);
        return html.answer(kept, slug + "/" + number, ifNoneMatch, () -> {
            Author author = articles.author(slug).orElseThrow(NotFoundException::new);
            ArticlePage p = articles.byAuthor(author, number);
            if (p.page() > 1 && p.articles().isEmpty()) {
                throw new NotFoundException();
            }
            return Templates.author(author, p);
        });
    }
}
