package io.tribune.moderation;

import java.net.URI;
import java.util.List;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code /admin/queues/appeals}: open appeals, each decided by a moderator other than the one who imposed the sanction. */
@Path("/admin/queues/appeals")
@ModeratorArea
@RolesAllowed({ "moderator", "admin" })
@Produces(MediaType.TEXT_HTML)
public class AppealPages {

    /** An open appeal as the queue shows it. */
    public record Item(long id, String username, String sanction, java.time.Instant imposedAt, String imposedBy,
            String sanctionReason, Long commentId, String commentExcerpt, java.time.Instant filedAt, String body,
            boolean accountSanction) {
        static Item of(Appeal a) {
            ModerationAction s = a.action;
            return new Item(a.id, a.user.username, Appeals.APPEALABLE.get(s.action), s.createdAt,
                    s.moderator == null ? "the system" : s.moderator.username, s.reason,
                    s.targetComment == null ? null : s.targetComment.id,
                    s.targetComment == null ? null : Texts.excerpt(s.targetComment.body, 600), a.createdAt, a.body,
                    s.action == ModerationAction.Type.SUSPEND || s.action == ModerationAction.Type.DEREGISTER);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance appeals(List<Item> items, long hidden, String done, String error);
    }

    private final Appeals appeals;
    private final Actor actor;

    AppealPages(Appeals appeals, Actor actor) {
        this.appeals = appeals;
        this.actor = actor;
    }

    @GET
    @Transactional(Transactional.TxType.SUPPORTS)
    public TemplateInstance queue(@RestQuery String done, @RestQuery String error) {
        List<Item> items = appeals.openFor(actor.get()).stream().map(Item::of).toList();
        return Templates.appeals(items, appeals.openCount() - items.size(), done, error);
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decide(@PathParam("id") long id, @RestForm String outcome, @RestForm String reason,
            @RestForm String strikes) {
        try {
            boolean reverse = "reverse".equals(outcome);
            if (!reverse && !"uphold".equals(outcome)) {
                throw ModerationRefused.invalid("Choose uphold or reverse.");
            }
            appeals.decide(actor.get(), id, reverse, reason, "keep".equals(strikes));
            return redirect("done=" + QueuePages.encode("appeal " + id + (reverse ? " reversed" : " upheld")));
        } catch (ModerationRefused e) {
            if (e.status() == 403 || e.status() == 404) {
                throw e;
            }
            return redirect("error=" + QueuePages.encode(e.getMessage()));
        }
    }

    private static Response redirect(String query) {
        return Response.seeOther(URI.create("/admin/queues/appeals?" + query)).build();
    }
}
