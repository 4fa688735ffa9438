package io.tribune.moderation;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

import io.tribune.account.User;
import io.tribune.comment.Comment;
import io.tribune.web.Paging;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The moderation queues and actions as JSON. State-changing calls accept only {@code application/json}: a cross-site
 * HTML form cannot send that content type without a CORS preflight, which this site never grants.
 */
@Path("/api/admin")
@ModeratorArea
@RolesAllowed({ "moderator", "admin" })
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Moderation", description = "Queues and moderator actions (role moderator or admin)")
public class ModerationApi {

    public record QueuePage(String queue, int page, long total, int pageSize, List<QueueItemJson> items) {
    }

    public record QueueItemJson(long id, String status, String body, Instant createdAt, String author, String authorStatus,
            String articleSlug, String articleHeadline, Long parentId, String parentExcerpt, long openReports,
            List<QueueItem.ReportView> reports) {
        static QueueItemJson of(QueueItem i) {
            return new QueueItemJson(i.id(), i.status(), i.body(), i.createdAt(), i.authorUsername(), i.authorStatus(),
                    i.articleSlug(), i.articleHeadline(), i.parentId(), i.parentExcerpt(), i.openReports(), i.reports());
        }
    }

    /** {@code reason}: for remove, one of abusive, defamatory, spam, off-topic, illegal, other. */
    public record DecisionRequest(String reason, String note) {
    }

    public record CommentState(long id, String status) {
        static CommentState of(Comment c) {
            return new CommentState(c.id, c.status.name());
        }
    }

    public record SanctionRequest(String reason, Integer days) {
    }

    public record UserState(String username, String status, Instant suspendedUntil) {
        static UserState of(User u) {
            return new UserState(u.username, u.status.name(), u.suspendedUntil);
        }
    }

    private final QueueService queues;
    private final CommentDecisions decisions;
    private final UserSanctions sanctions;
    private final Actor actor;

    ModerationApi(QueueService queues, CommentDecisions decisions, UserSanctions sanctions, Actor actor) {
        this.queues = queues;
        this.decisions = decisions;
        this.sanctions = sanctions;
        this.actor = actor;
    }

    @GET
    @Path("queues/{name}")
    @Operation(summary = "A page of a moderation queue: reported, held, recent or removed")
    @APIResponse(responseCode = "404", description = "No such queue")
    public QueuePage queue(@Parameter(description = "reported, held, recent or removed") @PathParam("name") String name,
            @RestQuery String page) {
        Queue q = Queue.parse(name).orElseThrow(() -> ModerationRefused.notFound("There is no queue called " + name + "."));
        QueueService.Page p = queues.page(q, Paging.page(page));
        return new QueuePage(q.slug, p.page(), p.total(), p.pageSize(), p.items().stream().map(QueueItemJson::of).toList());
    }

    @POST
    @Path("comments/{id}/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Approve a comment: clears its reports and publishes it if it was held")
    @APIResponse(responseCode = "409", description = "The comment is removed or deleted")
    public CommentState approve(@PathParam("id") long id, DecisionRequest body) {
        return CommentState.of(decisions.approve(actor.get(), id, body == null ? null : body.note()));
    }

    @POST
    @Path("comments/{id}/remove")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Remove a comment with a reason; abusive, defamatory and illegal give the author a strike")
    @APIResponse(responseCode = "400", description = "Missing or unknown reason")
    public CommentState remove(@PathParam("id") long id, DecisionRequest body) {
        return CommentState.of(decisions.decide(actor.get(), id, CommentDecisions.Decision.REMOVE,
                body == null ? null : body.reason(), body == null ? null : body.note()));
    }

    @POST
    @Path("comments/{id}/restore")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Restore a removed comment; a strike it gave stops counting")
    public CommentState restore(@PathParam("id") long id, DecisionRequest body) {
        return CommentState.of(decisions.restore(actor.get(), id, body == null ? null : body.note()));
    }

    @POST
    @Path("users/{username}/suspend")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Suspend a user for some days (default from the policy), with a reason")
    @APIResponse(responseCode = "403", description = "The target is an admin or yourself")
    public UserState suspend(@PathParam("username") String username, SanctionRequest body) {
        return UserState.of(sanctions.suspend(actor.get(), username, body == null ? null : body.days(),
                body == null ? null : body.reason()));
    }

    @POST
    @Path("users/{username}/deregister")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "De-register a user at once, with a reason: sessions end, the identity is blocked")
    public UserState deregister(@PathParam("username") String username, SanctionRequest body) {
        return UserState.of(sanctions.deregister(actor.get(), username, body == null ? null : body.reason()));
    }

    @POST
    @Path("users/{username}/reinstate")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(summary = "Reinstate a suspended or de-registered user (admin only)")
    public UserState reinstate(@PathParam("username") String username, SanctionRequest body) {
        return UserState.of(sanctions.reinstate(actor.get(), username, body == null ? null : body.reason()));
    }
}
