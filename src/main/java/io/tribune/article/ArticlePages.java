package io.tribune.article;

import java.net.URI;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.tribune.account.CurrentUser;
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

    private static final String HTML_UTF8 = MediaType.TEXT_HTML + ";charset=UTF-8";

    private final ArticleService articles;
    private final ThreadService threads;
    private final CommentWindow commentWindow;
    private final CurrentUser currentUser;
    private final AnonymousArticlePages anonymousPages;

    ArticlePages(ArticleService articles, ThreadService threads, CommentWindow commentWindow, CurrentUser currentUser,
            AnonymousArticlePages anonymousPages) {
        this.articles = articles;
        this.threads = threads;
        this.commentWindow = commentWindow;
        this.currentUser = currentUser;
        this.anonymousPages = anonymousPages;
    }

    @GET
    @Path("{slug}")
    public Response article(@PathParam("slug") String slug, @QueryParam("sort") String sort,
            @QueryParam("page") String page) {
        CommentSort order = CommentSort.parse(sort);
        int number = Paging.page(page);
        if (!currentUser.isLoggedIn()) {
            return anonymous(slug, order, number);
        }
        // a logged-in reader's votes and actions are theirs alone: rendered for them
        Article article = articles.findPublished(slug).orElseThrow(() -> movedOrMissing(slug));
        boolean open = commentWindow.isOpen(article);
        CommentThread thread = threads.page(article, order, number);
        if (number > 1 && thread.threads().isEmpty()) {
            throw new NotFoundException();
        }
        Viewer viewer = threads.viewer(currentUser.get().orElse(null), open, thread);
        String threadHtml = Templates.thread(article.slug, thread, viewer).render();
        return Response.ok(Templates.article(article, threadHtml, viewer.withOpen(open)), HTML_UTF8).build();
    }

    private Response anonymous(String slug, CommentSort order, int number) {
        AnonymousArticlePages.Stamp stamp = anonymousPages.stamp(slug).orElseThrow(() -> movedOrMissing(slug));
        boolean open = commentWindow.isOpen(stamp.commentsOpen(), stamp.commentsKeepOpen(), stamp.publishedAt());
        AnonymousArticlePages.Page rendered = anonymousPages.get(stamp, open, order, number, () -> {
            Article article = articles.findPublished(slug).orElseThrow(NotFoundException::new);
            CommentThread thread = threads.page(article, order, number);
            String threadHtml = Templates.thread(article.slug, thread, Viewer.ANONYMOUS).render();
            String html = Templates.article(article, threadHtml, Viewer.ANONYMOUS.withOpen(open)).render();
            return AnonymousArticlePages.Page.of(html, thread.threads().isEmpty());
        });
        if (number > 1 && rendered.empty()) {
            throw new NotFoundException();
        }
        return Response.ok(rendered.html(), HTML_UTF8).build();
    }

    /** An old slug of a published article answers 301 to its current address; anything else is not found. */
    private WebApplicationException movedOrMissing(String slug) {
        return articles.redirectFor(slug)
                .<WebApplicationException>map(to -> new RedirectionException(Response.Status.MOVED_PERMANENTLY,
                        URI.create("/articles/" + to)))
                .orElseGet(NotFoundException::new);
    }
}
