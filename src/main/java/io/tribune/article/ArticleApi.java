package io.tribune.article;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.tribune.comment.CommentNode;
import io.tribune.comment.CommentSort;
import io.tribune.comment.CommentThread;
import io.tribune.comment.ThreadService;
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

    /** A comment and its replies; {@code bodyHtml} is null and {@code placeholder} set when it is not visible. */
    public record CommentItem(long id, String author, String authorName, String status, String placeholder,
            String bodyHtml, Instant createdAt, Instant editedAt, int votes, int depth, String inReplyTo,
            List<CommentItem> replies) {

        static CommentItem of(CommentNode n) {
            return new CommentItem(n.id(), n.isVisible() ? n.authorUsername() : null,
                    n.isVisible() ? n.authorName() : null, n.status().name().toLowerCase(),
                    n.isVisible() ? null : n.placeholder(), n.bodyHtml(), n.createdAt(), n.editedAt(), n.votes(),
                    n.depth(), n.inReplyTo(), n.replies().stream().map(CommentItem::of).toList());
        }
    }

    public record CommentList(int commentCount, String sort, int page, boolean hasNext, List<CommentItem> threads) {
    }

    private final ArticleService articles;
    private final ThreadService threads;
    private final CommentWindow commentWindow;

    ArticleApi(ArticleService articles, ThreadService threads, CommentWindow commentWindow) {
        this.commentWindow = commentWindow;
        this.articles = articles;
        this.threads = threads;
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

    @GET
    @Path("{slug}/comments")
    @Operation(summary = "A page of an article's comment threads, nested")
    public CommentList comments(@PathParam("slug") String slug,
            @Parameter(description = "oldest (default), newest or top") @QueryParam("sort") String sort,
            @Parameter(description = "page of top-level threads, from 1") @QueryParam("page") String page) {
        Article a = articles.findPublished(slug).orElseThrow(NotFoundException::new);
        CommentThread thread = threads.page(a, CommentSort.parse(sort), Paging.page(page));
        return new CommentList(a.commentCount, thread.sort().param(), thread.page(), thread.hasNext(),
                thread.threads().stream().map(CommentItem::of).toList());
    }
}
