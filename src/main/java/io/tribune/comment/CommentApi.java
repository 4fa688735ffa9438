package io.tribune.comment;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;
import io.tribune.account.CurrentUser;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Writing comments as JSON, for a logged-in user: the session cookie plus the {@code X-CSRF-TOKEN} header holding
 * the value of the {@code csrf-token} cookie. Errors are {@code {status, message, field}}.
 */
@Path("/api/comments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Comments", description = "Post, edit and delete comments (logged-in users)")
public class CommentApi {

    public record EditComment(String body) {
    }

    public record CommentResult(long id, String article, Long parentId, String status, String bodyHtml, int depth,
            int votes, Instant createdAt, Instant editedAt, String url, String notice) {

        static CommentResult of(Comment c, String notice) {
            return new CommentResult(c.id, c.article.slug, c.parentId, c.status.name().toLowerCase(), c.bodyHtml,
                    c.depth, c.voteCount, c.createdAt, c.editedAt, "/comments/" + c.id, notice);
        }
    }

    private final CommentService comments;
    private final CurrentUser currentUser;

    CommentApi(CommentService comments, CurrentUser currentUser) {
        this.comments = comments;
        this.currentUser = currentUser;
    }

    @PATCH
    @Path("{id}")
    @Operation(summary = "Edit your own comment within the edit window")
    public CommentResult edit(@PathParam("id") long id, EditComment request) {
        return CommentResult.of(comments.edit(userId(), id, request == null ? null : request.body()), null);
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete your own comment")
    public Response delete(@PathParam("id") long id) {
        comments.delete(userId(), id);
        return Response.noContent().build();
    }

    private long userId() {
        return currentUser.id().orElseThrow(() -> new NotAuthorizedException("Please log in."));
    }
}
