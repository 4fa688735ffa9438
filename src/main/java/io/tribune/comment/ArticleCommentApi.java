package io.tribune.comment;

import java.net.URI;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;
import io.tribune.account.CurrentUser;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Posting a comment as JSON; shares {@code /api/articles} with the read API. */
@Path("/api/articles")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Comments", description = "Post, edit and delete comments (logged-in users)")
public class ArticleCommentApi {

    public record NewComment(String body, Long parentId) {
    }

    private final CommentService comments;
    private final CurrentUser currentUser;

    ArticleCommentApi(CommentService comments, CurrentUser currentUser) {
        this.comments = comments;
        this.currentUser = currentUser;
    }

    @POST
    @Path("{slug}/comments")
    @Authenticated
    @Operation(summary = "Post a comment, or a reply when parentId is given")
    public Response post(@PathParam("slug") String slug, NewComment request) {
        long userId = currentUser.id().orElseThrow(() -> new NotAuthorizedException("Please log in."));
        NewComment body = request == null ? new NewComment(null, null) : request;
        CommentService.Posted posted = comments.post(userId, slug, body.parentId(), body.body());
        return Response.created(URI.create("/comments/" + posted.comment().id))
                .entity(CommentApi.CommentResult.of(posted.comment(), posted.heldMessage())).build();
    }
}
