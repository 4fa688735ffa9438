package io.tribune.article;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.tribune.web.Paging;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The home page and the section pages: latest articles, newest first. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class HomePages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(ArticlePage page);

        static native TemplateInstance section(Section section, ArticlePage page);
    }

    private final ArticleService articles;

    HomePages(ArticleService articles) {
        this.articles = articles;
    }

    @GET
    public TemplateInstance home(@QueryParam("page") String page) {
        return Templates.home(nonEmpty(articles.latest(Paging.page(page))));
    }

    @GET
    @Path("sections/{slug}")
    public TemplateInstance section(@PathParam("slug") String slug, @QueryParam("page") String page) {
        Section section = articles.section(slug).orElseThrow(NotFoundException::new);
        return Templates.section(section, nonEmpty(articles.inSection(section, Paging.page(page))));
    }

    /** Page 1 may be empty (a new site); a later page without articles does not exist. */
    private static ArticlePage nonEmpty(ArticlePage page) {
        if (page.page() > 1 && page.articles().isEmpty()) {
            throw new NotFoundException();
        }
        return page;
    }
}
