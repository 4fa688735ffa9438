package io.tribune.comment;

import java.net.URI;
import java.util.Optional;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.tribune.account.CurrentUser;
import io.tribune.account.User;
import io.tribune.article.Article;
import io.tribune.article.ArticleService;
import io.tribune.markdown.MarkdownRenderer;
import io.tribune.web.Ids;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Comment forms that work without JavaScript (post/redirect/get back to the comment's anchor) and answer htmx
 * requests ({@code HX-Request}) with just the fragment that changed.
 */
@Path("/comments")
@Produces(MediaType.TEXT_HTML)
public class CommentPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance compose(Article article, CommentNode parent, String body, String error,
                String preview, String notice);

        static native TemplateInstance compose$form(Article article, CommentNode parent, String body, String error,
                String preview, String notice);

        static native TemplateInstance posted(Article article, CommentNode node, Viewer viewer, boolean reply, String notice);

        static native TemplateInstance edit(Comment comment, String body, String error);

        static native TemplateInstance delete(Comment comment);

        static native TemplateInstance history(Comment comment, String currentHtml, java.util.List<Version> earlier);
    }

    /** An earlier text of a comment, as it read from {@code writtenAt} until an edit replaced it. */
    public record Version(String bodyHtml, java.time.Instant writtenAt, java.time.Instant replacedAt) {
    }

    private final CommentService comments;
    private final ThreadService threads;
    private final ArticleService articles;
    private final CurrentUser currentUser;
    private final MarkdownRenderer markdown;
    @jakarta.inject.Inject
    io.quarkus.security.identity.SecurityIdentity identity;

    CommentPages(CommentService comments, ThreadService threads, ArticleService articles, CurrentUser currentUser,
            MarkdownRenderer markdown) {
        this.comments = comments;
        this.threads = threads;
        this.articles = articles;
        this.currentUser = currentUser;
        this.markdown = markdown;
    }

    /** Permalink: the comment's anchor on its article, on the page of threads that holds it. */
    @GET
    @Path("{id}")
    public Response permalink(@PathParam("id") String id) {
        Comment comment = Ids.parse(id).flatMap(threads::find).orElseThrow(NotFoundException::new);
        if (!comment.article.isPublished()) {
            throw new NotFoundException();
        }
        return Response.seeOther(anchor(comment)).build();
    }

    @GET
    @Path("{id}/reply")
    @Authenticated
    public TemplateInstance replyForm(@PathParam("id") String id, @RestHeader("HX-Request") String htmx) {
        Comment parent = publishedComment(id);
        comments.checkRepliable(parent);
        CommentNode node = new CommentNode(parent);
        return htmx != null ? Templates.compose$form(parent.article, node, "", null, null, null)
                : Templates.compose(parent.article, node, "", null, null, null);
    }

    /** Posts a comment or a reply, or shows a preview when the "Preview" button was pressed. */
    @POST
    @Authenticated
    public Response post(@RestForm String article, @RestForm String parentId, @RestForm String body,
            @RestForm String action, @RestHeader("HX-Request") String htmx) {
        Article target = articles.findPublished(article == null ? "" : article).orElseThrow(NotFoundException::new);
        Optional<Long> parent = parentId == null || parentId.isBlank() ? Optional.empty() : Ids.parse(parentId);
        if (parentId != null && !parentId.isBlank() && parent.isEmpty()) {
            return form(400, target, null, body, "The comment you are replying to does not exist.", null, htmx);
        }
        // Shown above the form: only a visible comment of this article (another article's may be unpublished, a
        // removed one's text is not for readers). Otherwise the form comes back as a top-level one with the refusal.
        CommentNode parentNode = parent.flatMap(threads::find)
                .filter(c -> c.article.id.equals(target.id) && c.status == CommentStatus.VISIBLE)
                .map(CommentNode::new).orElse(null);
        if ("preview".equals(action)) {
            String text = body == null ? "" : body;
            return form(200, target, parentNode, text, null, markdown.comment(text), htmx);
        }
        User user = currentUser.get().orElseThrow(NotFoundException::new);
        try {
            CommentService.Posted posted = comments.post(user.id, target.id, parent.orElse(null), body);
            if (htmx != null) {
                Viewer viewer = threads.viewer(user, true, java.util.Set.of());
                return Response.ok(Templates.posted(target, new CommentNode(posted.comment()).shownToAuthor(user.id), viewer, parent.isPresent(),
                        posted.heldMessage())).build();
            }
            if (posted.heldMessage() != null) {
                return Response.ok(Templates.compose(target, parentNode, "", null, null, posted.heldMessage())).build();
            }
            return Response.seeOther(anchor(posted.comment())).build();
        } catch (CommentException e) {
            return form(e.status(), target, parentNode, body, e.getMessage(), null, htmx);
        }
    }

    @GET
    @Path("{id}/edit")
    @Authenticated
    public TemplateInstance editForm(@PathParam("id") String id) {
        Comment comment = own(id);
        comments.checkEditable(comment);
        return Templates.edit(comment, comment.body, null);
    }

    @POST
    @Path("{id}/edit")
    @Authenticated
    public Response edit(@PathParam("id") String id, @RestForm String body) {
        Comment comment = own(id);
        try {
            Comment edited = comments.edit(currentUser.get().orElseThrow().id, comment.id, body);
            return Response.seeOther(anchor(edited)).build();
        } catch (CommentException e) {
            return Response.status(e.status()).entity(Templates.edit(comment, body, e.getMessage())).build();
        }
    }

    /**
     * The texts a comment had before its edits, newest first: for its author (whatever their account state, as
     * with their own data) and for moderators. Anyone else is refused, as is a comment that was never edited.
     */
    @GET
    @Path("{id}/history")
    @Authenticated
    public TemplateInstance history(@PathParam("id") String id) {
        Comment comment = Ids.parse(id).flatMap(threads::find).orElseThrow(NotFoundException::new);
        User user = currentUser.get().orElseThrow(NotFoundException::new);
        if (!comment.author.id.equals(user.id) && !identity.hasRole("moderator")) {
            throw new jakarta.ws.rs.ForbiddenException("Only the author and moderators can read a comment's earlier versions.");
        }
        java.util.List<Version> earlier = comments.revisions(comment.id).stream()
                .map(r -> new Version(markdown.comment(r.body), r.writtenAt, r.replacedAt))
                .sorted(java.util.Comparator.comparing(Version::replacedAt).reversed()).toList();
        return Templates.history(comment, comment.bodyHtml, earlier);
    }

    @GET
    @Path("{id}/delete")
    @Authenticated
    public TemplateInstance deleteForm(@PathParam("id") String id) {
        Comment comment = own(id);
        comments.checkDeletable(comment);
        return Templates.delete(comment);
    }

    @POST
    @Path("{id}/delete")
    @Authenticated
    public Response delete(@PathParam("id") String id) {
        Comment comment = own(id);
        comments.delete(currentUser.get().orElseThrow().id, comment.id);
        return Response.seeOther(URI.create("/articles/" + comment.article.slug + "#comments")).build();
    }

    private Response form(int status, Article article, CommentNode parent, String body, String error, String preview,
            String htmx) {
        TemplateInstance page = htmx != null ? Templates.compose$form(article, parent, body, error, preview, null)
                : Templates.compose(article, parent, body, error, preview, null);
        return Response.status(htmx != null ? 200 : status).entity(page).build();
    }

    private Comment publishedComment(String id) {
        Comment parent = Ids.parse(id).flatMap(threads::find).orElseThrow(NotFoundException::new);
        if (!parent.article.isPublished()) {
            throw new NotFoundException();
        }
        return parent;
    }

    private Comment own(String id) {
        Comment comment = Ids.parse(id).flatMap(threads::find).orElseThrow(NotFoundException::new);
        User user = currentUser.get().orElseThrow(NotFoundException::new);
        if (!comment.author.id.equals(user.id)) {
            throw new jakarta.ws.rs.ForbiddenException("You can only change your own comments.");
        }
        return comment;
    }

    private URI anchor(Comment comment) {
        return URI.create(threads.anchor(comment));
    }

}
