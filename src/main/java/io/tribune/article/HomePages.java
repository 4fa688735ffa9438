package io.tribune.article;

import java.util.function.Supplier;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.tribune.account.CurrentUser;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The home page and the section pages: latest articles, newest first. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class HomePages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(ArticlePage page);

        static native TemplateInstance section(Section section, ArticlePage page);

        static native TemplateInstance accountNav();
    }

    private static final String HTML_UTF8 = MediaType.TEXT_HTML + ";charset=UTF-8";

    private final ArticleService articles;
    private final CurrentUser currentUser;
    private final AnonymousListPages anonymousPages;
    private final HttpCaching caching;
    private final KeptNavs navs;
    private final FormToken formToken;

    HomePages(ArticleService articles, CurrentUser currentUser, AnonymousListPages anonymousPages,
            HttpCaching caching, KeptNavs navs, FormToken formToken) {
        this.navs = navs;
        this.formToken = formToken;
        this.articles = articles;
        this.currentUser = currentUser;
        this.anonymousPages = anonymousPages;
        this.caching = caching;
    }

    @GET
    public Response home(@QueryParam("page") String page,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        int number = Paging.page(page);
        return html(ifNoneMatch, "home/" + number, () -> Templates.home(nonEmpty(articles.latest(number))));
    }

    @GET
    @Path("sections/{slug}")
    public Response section(@PathParam("slug") String slug, @QueryParam("page") String page,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        int number = Paging.page(page);
        return html(ifNoneMatch, "sections/" + slug + "/" + number, () -> {
            Section section = articles.section(slug).orElseThrow(NotFoundException::new);
            return Templates.section(section, nonEmpty(articles.inSection(section, number)));
        });
    }

    /**
     * The same for every reader without an account: rendered once until an article changes. A logged-in reader
     * gets that page with their own account links, the only part of these pages that is theirs.
     */
    private Response html(String ifNoneMatch, String key, Supplier<TemplateInstance> page) {
        if (currentUser.isLoggedIn()) {
            // the visitor's page with the reader's own account links, when it is kept; else rendered for them (and
            // always for readers without the commenter role: unverified or sanctioned, their page carries a banner)
            // kept pages show times in the site's zone: a reader who chose their own gets a page of their own
            io.tribune.web.PublicPages.Page kept = currentUser.hasRole("commenter") && !currentUser.hasOwnTimeZone()
                    ? anonymousPages.getIfPresent(key) : null;
            byte[] theirs = kept == null ? null : kept.withNav(navs.get(currentUser.id().orElseThrow(),
                    formToken.value(), () -> Templates.accountNav().render().strip()));
            return Response.ok(theirs != null ? theirs : page.get(), HTML_UTF8).build();
        }
        io.tribune.web.PublicPages.Page rendered = anonymousPages.get(key, () -> page.get().render(),
                () -> Templates.accountNav().render().strip());
        return caching.publicPage(rendered.bytes(), rendered.etag(), ifNoneMatch);
    }

    /** Page 1 may be empty (a new site); a later page without articles does not exist. */
    private static ArticlePage nonEmpty(ArticlePage page) {
        if (page.page() > 1 && page.articles().isEmpty()) {
            throw new NotFoundException();
        }
        return page;
    }
}
