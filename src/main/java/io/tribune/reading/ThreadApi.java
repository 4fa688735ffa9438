package io.tribune.reading;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.tribune.account.CurrentUser;
import io.tribune.article.Article;
import io.tribune.article.ArticleService;
import io.tribune.comment.CommentNode;
import io.tribune.comment.CommentSort;
import io.tribune.comment.CommentThread;
import io.tribune.comment.ThreadService;
import io.tribune.config.TribuneConfig;
import io.tribune.web.HttpCaching;
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

/**
 * An article's comment threads as JSON; shares {@code /api/articles} with the article read API. Written once per
 * stamp of the article (every comment, edit, vote and moderation decision moves it), like the article page.
 */
@Path("/api/articles")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Articles", description = "Published articles and their comments")
public class ThreadApi {

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

    /** The JSON of one page of threads, written once per stamp of its article (as the article page is). */
    private record Json(byte[] bytes, String etag) {
    }

    private record Key(AnonymousArticlePages.Stamp stamp, CommentSort sort, int page) {
    }

    private final ArticleService articles;
    private final ThreadService threads;
    private final AnonymousArticlePages stamps;
    private final CurrentUser currentUser;
    private final HttpCaching caching;
    private final ObjectMapper mapper;
    private final Cache<Key, Json> cache;

    ThreadApi(ArticleService articles, ThreadService threads, AnonymousArticlePages stamps, CurrentUser currentUser,
            HttpCaching caching, ObjectMapper mapper, TribuneConfig config) {
        this.articles = articles;
        this.threads = threads;
        this.stamps = stamps;
        this.currentUser = currentUser;
        this.caching = caching;
        this.mapper = mapper;
        this.cache = config.pageCache().maxMegabytes() <= 0 ? null
                : Caffeine.newBuilder()
                        .maximumWeight(config.pageCache().maxMegabytes() * 1024L * 1024L / 4)
                        .weigher((Key key, Json json) -> json.bytes().length + 256)
                        .expireAfterAccess(config.pageCache().expireAfterAccess())
                        .build();
    }

    @GET
    @Path("{slug}/comments")
    @Operation(summary = "A page of an article's comment threads, nested")
    @APIResponseSchema(value = CommentList.class, responseCode = "200")
    public Response comments(@PathParam("slug") String slug,
            @Parameter(description = "oldest (default), newest or top") @QueryParam("sort") String sort,
            @Parameter(description = "page of top-level threads, from 1") @QueryParam("page") String page,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        AnonymousArticlePages.Stamp stamp = stamps.stamp(slug).orElseThrow(NotFoundException::new);
        CommentSort order = CommentSort.parse(sort);
        int number = Paging.page(page);
        Json json = cache == null ? render(slug, order, number)
                : cache.get(new Key(stamp, order, number), key -> render(slug, order, number));
        if (currentUser.isLoggedIn()) { // the same threads, but never marked public in answer to a session
            return Response.ok(json.bytes(), MediaType.APPLICATION_JSON).build();
        }
        return caching.publicPage(json.bytes(), json.etag(), ifNoneMatch, MediaType.APPLICATION_JSON);
    }

    private Json render(String slug, CommentSort order, int number) {
        Article a = articles.findPublished(slug).orElseThrow(NotFoundException::new);
        CommentThread thread = threads.page(a, order, number);
        CommentList list = new CommentList(a.commentCount, thread.sort().param(), thread.page(), thread.hasNext(),
                thread.threads().stream().map(CommentItem::of).toList());
        try {
            byte[] bytes = mapper.writeValueAsBytes(list);
            return new Json(bytes, HttpCaching.etag(bytes));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write the comments as JSON", e);
        }
    }
}
