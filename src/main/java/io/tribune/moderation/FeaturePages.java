package io.tribune.moderation;

import java.net.URI;

import org.jboss.resteasy.reactive.RestForm;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Feature and unfeature forms, on the article page (for staff) and the queues. From a queue ({@code back} names it)
 * the answer goes back there with what was done or refused; from the article page, back to the comment, and a
 * refusal is a page saying why.
 */
@Path("/admin")
@ModeratorArea
@RolesAllowed({ "moderator", "editor", "admin" })
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class FeaturePages {

    private final Featuring featuring;
    private final Actor actor;

    FeaturePages(Featuring featuring, Actor actor) {
        this.featuring = featuring;
        this.actor = actor;
    }

    @POST
    @Path("comments/{id}/feature")
    public Response feature(@PathParam("id") long id, @RestForm String note, @RestForm String back) {
        return act(id, back, "featured", () -> featuring.feature(actor.get(), id, note));
    }

    @POST
    @Path("comments/{id}/unfeature")
    public Response unfeature(@PathParam("id") long id, @RestForm String back) {
        return act(id, back, "unfeatured", () -> featuring.unfeature(actor.get(), id));
    }

    private Response act(long id, String back, String done, Runnable action) {
        var queue = Queue.parse(back);
        try {
            action.run();
        } catch (ModerationRefused e) {
            if (queue.isEmpty() || e.status() == 403 || e.status() == 404) {
                throw e;
            }
            return Response.seeOther(URI.create("/admin/queues/" + queue.get().slug + "?error="
                    + QueuePages.encode(e.getMessage()))).build();
        }
        return Response.seeOther(URI.create(queue.map(q -> "/admin/queues/" + q.slug + "?done=" + done + "+comment+" + id)
                .orElse("/comments/" + id))).build();
    }
}
