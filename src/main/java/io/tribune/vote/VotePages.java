package io.tribune.vote;

import java.net.URI;

import org.jboss.resteasy.reactive.RestHeader;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.tribune.account.CurrentUser;
import io.tribune.comment.Comment;
import io.tribune.comment.CommentException;
import io.tribune.comment.ThreadService;
import io.tribune.web.Ids;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The "Up N" button: a plain form that toggles the vote, or an htmx request that swaps the button in place. */
@Path("/comments")
@Produces(MediaType.TEXT_HTML)
public class VotePages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance button(long id, int votes, boolean voted);
    }

    private final VoteService votes;
    private final ThreadService threads;
    private final CurrentUser currentUser;

    VotePages(VoteService votes, ThreadService threads, CurrentUser currentUser) {
        this.votes = votes;
        this.threads = threads;
        this.currentUser = currentUser;
    }

    @POST
    @Path("{id}/vote")
    @Authenticated
    public Response toggle(@PathParam("id") String id, @RestHeader("HX-Request") String htmx) {
        long commentId = parse(id);
        long userId = currentUser.id().orElseThrow(NotFoundException::new);
        VoteService.Tally tally;
        try {
            tally = votes.toggle(userId, commentId);
        } catch (CommentException e) {
            if (e.status() == 404) {
                throw new NotFoundException();
            }
            throw new jakarta.ws.rs.WebApplicationException(e.getMessage(), e.status());
        }
        if (htmx != null) {
            return Response.ok(Templates.button(tally.commentId(), tally.votes(), tally.voted())).build();
        }
        Comment comment = threads.find(commentId).orElseThrow(NotFoundException::new);
        return Response.seeOther(URI.create(threads.anchor(comment))).build();
    }

    private static long parse(String id) {
        return Ids.parse(id).orElseThrow(NotFoundException::new);
    }
}
