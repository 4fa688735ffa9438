package io.tribune.mute;

import io.quarkus.security.Authenticated;
import io.tribune.comment.Comment;
import io.tribune.web.Ids;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** "Mute" and "Unmute" in a comment's actions: its author, back to the comment. See {@link MutePages}. */
@Path("/comments")
@Authenticated
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class CommentMutePages {

    private final Mutes mutes;
    private final MutePages pages;

    CommentMutePages(Mutes mutes, MutePages pages) {
        this.mutes = mutes;
        this.pages = pages;
    }

    @POST
    @Path("{id}/mute")
    public Response mute(@PathParam("id") String id) {
        Comment c = comment(id);
        return pages.act(null, "/comments/" + c.id, me -> mutes.mute(me, c.author.username).username);
    }

    @POST
    @Path("{id}/unmute")
    public Response unmute(@PathParam("id") String id) {
        Comment c = comment(id);
        return pages.act(null, "/comments/" + c.id, me -> mutes.unmute(me, c.author.username).username);
    }

    private Comment comment(String id) {
        return Ids.parse(id).flatMap(mutes::comment).orElseThrow(NotFoundException::new);
    }
}
