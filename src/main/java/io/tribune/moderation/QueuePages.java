package io.tribune.moderation;

import java.net.URI;
import java.util.List;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.tribune.web.Paging;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The moderators' queues, with a decision form per comment and one bulk form. */
@Path("/admin")
@ModeratorArea
@RolesAllowed({ "moderator", "admin" })
@Produces(MediaType.TEXT_HTML)
public class QueuePages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance queue(QueueService.Page page, List<Queue> queues, List<ReportReason> reasons,
                String done, String error);

        static native TemplateInstance confirmBulk(Queue queue, List<Long> ids, String reason, String note,
                CommentDecisions.BulkPreview preview);
    }

    private final QueueService queues;
    private final CommentDecisions decisions;
    private final Actor actor;
    private final ThreadSwitch threadSwitch;

    QueuePages(QueueService queues, CommentDecisions decisions, Actor actor, ThreadSwitch threadSwitch) {
        this.queues = queues;
        this.decisions = decisions;
        this.actor = actor;
        this.threadSwitch = threadSwitch;
    }

    @GET
    @Path("queues/{name}")
    public TemplateInstance queue(@PathParam("name") String name, @RestQuery String page, @RestQuery String done,
            @RestQuery String error) {
        Queue q = parse(name);
        return Templates.queue(queues.page(q, Paging.page(page)), List.of(Queue.values()), List.of(ReportReason.values()),
                done, error);
    }

    /** Closes ({@code state=closed}, with a reason) or reopens the comments of an article. */
    @POST
    @Path("threads/{slug}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response switchThread(@PathParam("slug") String slug, @RestForm String state, @RestForm String reason,
            @RestForm String back) {
        String queue = Queue.parse(back).orElse(Queue.REPORTED).slug;
        try {
            boolean open = "open".equals(state);
            if (!open && !"closed".equals(state)) {
                throw ModerationRefused.invalid("Choose whether the comments are open or closed.");
            }
            threadSwitch.set(actor.get(), slug, open, reason);
            return redirect(queue, "done=comments+" + (open ? "reopened" : "closed") + "+on+" + encode(slug));
        } catch (ModerationRefused e) {
            if (e.status() == 403) {
                throw e;
            }
            return redirect(queue, "error=" + encode(e.getMessage()));
        }
    }

    /**
     * Sets slow mode ({@code slowModeSeconds}, 0 turns it off), from the thread switch of a queue or from the article
     * page ({@code back=article}, answered on the article or with a page saying why not).
     */
    @POST
    @Path("threads/{slug}/slow-mode")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response slowMode(@PathParam("slug") String slug, @RestForm List<String> slowModeSeconds, @RestForm String back) {
        boolean fromArticle = "article".equals(back);
        String queue = Queue.parse(back).orElse(Queue.REPORTED).slug;
        try {
            // one value: "60" and "junk" together are refused rather than read as the first
            String value = slowModeSeconds == null || slowModeSeconds.size() != 1 ? null : slowModeSeconds.get(0);
            int seconds = threadSwitch.slowMode(actor.get(), slug, value);
            if (fromArticle) {
                return Response.seeOther(URI.create("/articles/" + encode(slug) + "#comments")).build();
            }
            return redirect(queue, "done=" + encode((seconds == 0 ? "slow mode off" : "slow mode set to one comment every "
                    + io.tribune.comment.SlowMode.interval(seconds)) + " on " + slug));
        } catch (ModerationRefused e) {
            if (fromArticle || e.status() == 403 || e.status() == 404) {
                throw e;
            }
            return redirect(queue, "error=" + encode(e.getMessage()));
        }
    }

    @POST
    @Path("comments/{id}/decision")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decide(@PathParam("id") long id, @RestForm String action, @RestForm String reason,
            @RestForm String note, @RestForm String back) {
        String queue = Queue.parse(back).orElse(Queue.REPORTED).slug;
        try {
            CommentDecisions.Decision d = CommentDecisions.Decision.parse(action);
            decisions.decide(actor.get(), id, d, reason, note);
            return redirect(queue, "done=" + d.name().toLowerCase() + "+comment+" + id);
        } catch (ModerationRefused e) {
            if (e.status() == 403) {
                throw e;
            }
            return redirect(queue, "error=" + encode(e.getMessage()));
        }
    }

    @POST
    @Path("queues/{name}/bulk")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response bulk(@PathParam("name") String name, @RestForm List<Long> ids, @RestForm String action,
            @RestForm String reason, @RestForm String note, @RestForm String confirmed) {
        Queue q = parse(name);
        if (ids == null || ids.isEmpty()) {
            return redirect(q.slug, "error=" + encode("Select at least one comment."));
        }
        try {
            CommentDecisions.Decision d = CommentDecisions.Decision.parse(action);
            if (d == CommentDecisions.Decision.REMOVE && !"yes".equals(confirmed)) {
                // a bulk removal says first how many people it strikes, suspends and de-registers
                CommentDecisions.BulkPreview preview = decisions.previewRemoval(actor.get(), ids, reason);
                return Response.ok(Templates.confirmBulk(q, List.copyOf(new java.util.LinkedHashSet<>(ids)),
                        ReportReason.parse(reason).orElseThrow().code, note == null ? "" : note, preview)).build();
            }
            int n = decisions.decideAll(actor.get(), ids, d, reason, note);
            return redirect(q.slug, "done=" + d.name().toLowerCase() + "+" + n + "+comments");
        } catch (ModerationRefused e) {
            if (e.status() == 403) {
                throw e;
            }
            return redirect(q.slug, "error=" + encode(e.getMessage()));
        }
    }

    private static Queue parse(String name) {
        return Queue.parse(name).orElseThrow(() -> ModerationRefused.notFound("There is no queue called " + name + "."));
    }

    private static Response redirect(String queue, String query) {
        return Response.seeOther(URI.create("/admin/queues/" + queue + "?" + query)).build();
    }

    static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
