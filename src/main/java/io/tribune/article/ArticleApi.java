package io.tribune.article;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.tribune.web.Paging;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Read-only JSON for articles and their comment threads. Records only: entities never leave through the API. */
@Path("/api/articles")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Articles", description = "Published articles and their comments")
public class ArticleApi {

    public record ArticleItem(String slug, String headline, String standfirst, String section, String author,
            Instant publishedAt, int commentCount, String url) {
    }

    public record ArticleList(int page, boolean hasNext, List<ArticleItem> articles) {
    }

    public record Update(Instant postedAt, String text) {
    }

    public record ArticleDetail(String slug, String headline, String standfirst, String section, String author,
            Instant publishedAt, Instant updatedAt, String heroUrl, String heroCaption, String heroCredit,
            String bodyMarkdown, String bodyHtml, List<Update> updates, int commentCount, boolean commentsOpen) {
    }

    private final ArticleService articles;
    private final CommentWindow commentWindow;

    ArticleApi(ArticleService articles, CommentWindow commentWindow) {
        this.commentWindow = commentWindow;
        this.articles = articles;
    }

    @GET
    @Operation(summary = "Latest published articles, newest first")
    public ArticleList list(@Parameter(description = "page number from 1") @QueryParam("page") String page) {
        ArticlePage p = articles.latest(Paging.page(page));
        return new ArticleList(p.page(), p.hasNext(), p.articles().stream()
                .map(a -> new ArticleItem(a.slug(), a.headline(), a.standfirst(), a.sectionSlug(), a.authorName(),
                        a.publishedAt(), a.commentCount(), "/articles/" + a.slug()))
                .toList());
    }

    @GET
    @Path("{slug}")
    @Operation(summary = "One published article")
    public ArticleDetail get(@PathParam("slug") String slug) {
        Article a = articles.findPublished(slug).orElseThrow(NotFoundException::new);
        return new ArticleDetail(a.slug, a.headline, a.standfirst, a.section.slug, a.author.name, a.publishedAt,
                a.updatedAt, a.heroUrl, a.heroCaption, a.heroCredit, a.body, a.bodyHtml,
                a.updates.stream().map(u -> new Update(u.postedAt, u.body)).toList(), a.commentCount, commentWindow.isOpen(a));
    }
}
