package io.tribune.feed;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import io.tribune.article.Article;
import io.tribune.article.ArticleService;
import io.tribune.article.Section;
import io.tribune.comment.Comment;
import io.tribune.config.TribuneConfig;
import io.tribune.web.DatabaseChanges;
import io.tribune.web.HttpCaching;
import io.tribune.web.PublicPages;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * Atom 1.0 feeds: the whole site, one section, one article's comments. Each is the same for everyone, so it is kept
 * as bytes until PostgreSQL announces a change of what it shows ({@link PublicPages}), with an entity tag and the
 * public {@code Cache-Control} of {@link HttpCaching}.
 */
@Path("/feeds")
@Produces(FeedResource.ATOM)
public class FeedResource {

    static final String ATOM = "application/atom+xml";
    static final int ENTRIES = 30;
    private static final int MAX_FEEDS = 500;

    private final ArticleService articles;
    private final FeedService feeds;
    private final Links links;
    private final HttpCaching caching;
    /** Site and section feeds: articles, sections and bylines. */
    private final PublicPages articleFeeds;
    /** An article's comments: comments, the article's headline, commenters' names. */
    private final PublicPages commentFeeds;

    FeedResource(ArticleService articles, FeedService feeds, Links links, HttpCaching caching, DatabaseChanges changes,
            TribuneConfig config) {
        this.articles = articles;
        this.feeds = feeds;
        this.links = links;
        this.caching = caching;
        this.articleFeeds = new PublicPages(changes, config, MAX_FEEDS, null, "articles");
        this.commentFeeds = new PublicPages(changes, config, MAX_FEEDS, null, "comments", "articles", "profiles");
    }

    @GET
    @Path("articles.atom")
    public Response site(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return answer(articleFeeds.get("site", () -> articleFeed(null, "Tribune",
                "Technology news with comments that stay civil.", "/feeds/articles.atom", "/")), ifNoneMatch);
    }

    @GET
    @Path("sections/{slug}.atom")
    public Response section(@PathParam("slug") String slug, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return answer(articleFeeds.get("section/" + slug, () -> {
            Section section = articles.section(slug).orElseThrow(NotFoundException::new);
            return articleFeed(section, "Tribune: " + section.name,
                    "The latest " + section.name + " stories on Tribune.", "/feeds/sections/" + section.slug + ".atom",
                    "/sections/" + section.slug);
        }), ifNoneMatch);
    }

    @GET
    @Path("articles/{slug}/comments.atom")
    public Response comments(@PathParam("slug") String slug, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return answer(commentFeeds.get(slug, () -> commentFeed(slug)), ifNoneMatch);
    }

    private PublicPages.Page commentFeed(String slug) {
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
        return page(atom.finish());
    }

    private PublicPages.Page articleFeed(Section section, String title, String subtitle, String self, String page) {
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
        return page(atom.finish());
    }

    private static PublicPages.Page page(String xml) {
        return PublicPages.Page.of(xml.getBytes(StandardCharsets.UTF_8));
    }

    private Response answer(PublicPages.Page feed, String ifNoneMatch) {
        return caching.publicPage(feed.bytes(), feed.etag(), ifNoneMatch, ATOM);
    }
}
