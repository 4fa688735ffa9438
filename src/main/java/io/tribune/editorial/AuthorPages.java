package io.tribune.editorial;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.tribune.article.ArticlePage;
import io.tribune.article.ArticleService;
import io.tribune.article.Author;
import io.tribune.web.Paging;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** An author's public page: name, short bio and their published articles. */
@Path("/authors")
@Produces(MediaType.TEXT_HTML)
public class AuthorPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance author(Author author, ArticlePage page);
    }

    private final ArticleService articles;

    AuthorPages(ArticleService articles) {
        this.articles = articles;
    }

    @GET
    @Path("{slug}")
    public TemplateInstance author(@PathParam("slug") String slug, @QueryParam("page") String page) {
        Author author = articles.author(slug).orElseThrow(NotFoundException::new);
        ArticlePage p = articles.byAuthor(author, Paging.page(page));
        if (p.page() > 1 && p.articles().isEmpty()) {
            throw new NotFoundException();
        }
        return Templates.author(author, p);
    }
}
