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
        static native TemplateInstance article(Article article, String threadHtml, Viewer viewer);

        static native TemplateInstance thread(String slug, CommentThread thread, Viewer viewer);
    }

    private final ArticleService articles;
    private final ThreadService threads;
    private final CommentService comments;
    private final CurrentUser currentUser;
    private final ThreadFragments fragments;

    ArticlePages(ArticleService articles, ThreadService threads, CommentService comments, CurrentUser currentUser,
            ThreadFragments fragments) {
        this.articles = articles;
        this.threads = threads;
        this.comments = comments;
        this.currentUser = currentUser;
        this.fragments = fragments;
    }

    @GET
    @Path("{slug}")
    public TemplateInstance article(@PathParam("slug") String slug, @QueryParam("sort") String sort,
            @QueryParam("page") String page) {
        Article article = articles.findPublished(slug).orElseThrow(() -> movedOrMissing(slug));
        CommentSort order = CommentSort.parse(sort);
        int number = Paging.page(page);
        boolean open = comments.isOpen(article);
        ThreadFragments.Rendered rendered;
        Viewer viewer;
        if (currentUser.isLoggedIn()) { // their votes and actions are theirs alone: rendered for them
            CommentThread thread = threads.page(article, order, number);
            viewer = threads.viewer(currentUser.get().orElse(null), open, thread);
            rendered = render(article, thread, viewer);
        } else {
            viewer = Viewer.ANONYMOUS;
            rendered = fragments.get(article, order, number,
                    () -> render(article, threads.page(article, order, number), Viewer.ANONYMOUS));
        }
        if (number > 1 && rendered.empty()) {
            throw new NotFoundException();
        }
        return Templates.article(article, rendered.html(), viewer.withOpen(open));
    }

    private static ThreadFragments.Rendered render(Article article, CommentThread thread, Viewer viewer) {
        return new ThreadFragments.Rendered(Templates.thread(article.slug, thread, viewer).render(),
                thread.threads().isEmpty());
    }

    /** An old slug of a published article answers 301 to its current address; anything else is not found. */
    private WebApplicationException movedOrMissing(String slug) {
        return articles.redirectFor(slug)
                .<WebApplicationException>map(to -> new RedirectionException(Response.Status.MOVED_PERMANENTLY,
                        URI.create("/articles/" + to)))
                .orElseGet(NotFoundException::new);
    }
}
