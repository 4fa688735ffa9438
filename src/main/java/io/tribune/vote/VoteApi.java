package io.tribune.vote;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;
import io.tribune.account.CurrentUser;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Up-votes as JSON: PUT casts the vote, DELETE takes it back; both are idempotent. */
@Path("/api/comments")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Votes", description = "Up-vote comments (logged-in users)")
public class VoteApi {

    private final VoteService votes;
    private final CurrentUser currentUser;

    VoteApi(VoteService votes, CurrentUser currentUser) {
        this.votes = votes;
        this.currentUser = currentUser;
    }

    @PUT
    @Path("{id}/vote")
    @Operation(summary = "Up-vote a comment")
    public VoteService.Tally vote(@PathParam("id") long id) {
        return votes.set(userId(), id, true);
    }

    @DELETE
    @Path("{id}/vote")
    @Operation(summary = "Take back an up-vote")
    public VoteService.Tally unvote(@PathParam("id") long id) {
        return votes.set(userId(), id, false);
    }

    private long userId() {
        return currentUser.id().orElseThrow(() -> new NotAuthorizedException("Please log in."));
    }
}
