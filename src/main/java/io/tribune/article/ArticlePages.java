package io.tribune.article;

import java.net.URI;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.tribune.account.CurrentUser;
import io.tribune.comment.CommentService;
import io.tribune.comment.CommentSort;
import io.tribune.comment.CommentThread;
import io.tribune.comment.ThreadService;
import io.tribune.comment.Viewer;
import io.tribune.web.Paging;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.RedirectionException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.MediaType;

/** An article with its comment threads. */
@Path("/articles")
@Produces(MediaType.TEXT_HTML)
public class ArticlePages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance article(Article article, CommentThread thread, Viewer viewer);
    }

    private final ArticleService articles;
    private final ThreadService threads;
    private final CommentService comments;
    private final CurrentUser currentUser;

    ArticlePages(ArticleService articles, ThreadService threads, CommentService comments, CurrentUser currentUser) {
        this.articles = articles;
        this.threads = threads;
        this.comments = comments;
        this.currentUser = currentUser;
    }

    @GET
    @Path("{slug}")
    public TemplateInstance article(@PathParam("slug") String slug, @QueryParam("sort") String sort,
            @QueryParam("page") String page) {
        Article article = articles.findPublished(slug).orElseThrow(() -> movedOrMissing(slug));
        CommentThread thread = threads.page(article, CommentSort.parse(sort), Paging.page(page));
        if (thread.page() > 1 && thread.threads().isEmpty()) {
            throw new NotFoundException();
        }
        Viewer viewer = threads.viewer(currentUser.get().orElse(null), comments.isOpen(article), thread);
        return Templates.article(article, thread, viewer);
    }

    /** An old slug of a published article answers 301 to its current address; anything else is not found. */
    private WebApplicationException movedOrMissing(String slug) {
        return articles.redirectFor(slug)
                .<WebApplicationException>map(to -> new RedirectionException(Response.Status.MOVED_PERMANENTLY,
                        URI.create("/articles/" + to)))
                .orElseGet(NotFoundException::new);
    }
}
