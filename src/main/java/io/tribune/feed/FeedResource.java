package io.tribune.feed;

import java.time.Instant;
import java.util.List;

import io.tribune.article.Article;
import io.tribune.article.ArticleService;
import io.tribune.article.Section;
import io.tribune.comment.Comment;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** Atom 1.0 feeds: the whole site, one section, one article's comments. */
@Path("/feeds")
@Produces(FeedResource.ATOM)
public class FeedResource {

    static final String ATOM = "application/atom+xml";
    static final int ENTRIES = 30;
    private static final String CACHE = "public, max-age=300";

    private final ArticleService articles;
    private final FeedService feeds;
    private final Links links;

    FeedResource(ArticleService articles, FeedService feeds, Links links) {
        this.articles = articles;
        this.feeds = feeds;
        this.links = links;
    }

    @GET
    @Path("articles.atom")
    public Response site() {
        return articleFeed(null, "Tribune", "Technology news with comments that stay civil.",
                "/feeds/articles.atom", "/");
    }

    @GET
    @Path("sections/{slug}.atom")
    public Response section(@PathParam("slug") String slug) {
        Section section = articles.section(slug).orElseThrow(NotFoundException::new);
        return articleFeed(section, "Tribune: " + section.name, "The latest " + section.name + " stories on Tribune.",
                "/feeds/sections/" + section.slug + ".atom", "/sections/" + section.slug);
    }

    @GET
    @Path("articles/{slug}/comments.atom")
    public Response comments(@PathParam("slug") String slug) {
        Article article = articles.findPublished(slug).orElseThrow(NotFoundException::new);
        List<Comment> comments = feeds.latestComments(article, ENTRIES);
        Instant updated = comments.isEmpty() ? article.publishedAt : comments.get(0).createdAt;
        String url = links.absolute("/articles/" + article.slug);
        AtomWriter atom = new AtomWriter(links.tag("article-comments", article.id), "Comments on: " + article.headline,
                "The latest comments on a Tribune article.",
                links.absolute("/feeds/articles/" + article.slug + "/comments.atom"), url + "#comments", updated);
        for (Comment c : comments) {
            atom.entry(new AtomWriter.Entry(links.tag("comment", c.id), "Comment by " + c.author.displayName,
                    url + "#c" + c.id, c.createdAt, c.editedAt, c.author.displayName,
                    null, null, null, null, c.bodyHtml));
        }
        return ok(atom.finish());
    }

    private Response articleFeed(Section section, String title, String subtitle, String self, String page) {
        List<Article> list = articles.recent(section, ENTRIES);
        Instant updated = list.stream().map(a -> a.updatedAt != null && a.updatedAt.isAfter(a.publishedAt)
                ? a.updatedAt : a.publishedAt).max(Instant::compareTo).orElse(Instant.EPOCH);
        AtomWriter atom = new AtomWriter(links.absolute(self), title, subtitle, links.absolute(self),
                links.absolute(page), updated);
        for (Article a : list) {
            atom.entry(new AtomWriter.Entry(links.tag("article", a.id), a.headline,
                    links.absolute("/articles/" + a.slug), a.publishedAt, a.updatedAt, a.author.name,
                    links.absolute("/authors/" + a.author.slug), a.section.slug, a.section.name, a.standfirst,
                    a.bodyHtml));
        }
        return ok(atom.finish());
    }

    private static Response ok(String xml) {
        return Response.ok(xml, ATOM).header(HttpHeaders.CACHE_CONTROL, CACHE).build();
    }
}
