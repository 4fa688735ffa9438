package io.tribune.moderation;

import java.util.List;

import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.tribune.account.User;
import io.tribune.comment.Comment;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** "Report" on a comment: a plain form, no JavaScript needed. */
@Path("/comments/{id}/report")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class ReportPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(CommentSummary comment, List<ReportReason> reasons, String reason, String note,
                String error, int maxNote);

        static native TemplateInstance thanks(CommentSummary comment);
    }

    /** What the form shows of the reported comment. */
    public record CommentSummary(long id, String authorName, String excerpt, String articleSlug, String articleHeadline) {
        static CommentSummary of(Comment c) {
            return new CommentSummary(c.id, c.author.displayName, Texts.excerpt(c.body, 300), c.article.slug, c.article.headline);
        }
    }

    private final ReportService reports;
    private final Actor actor;

    ReportPages(ReportService reports, Actor actor) {
        this.reports = reports;
        this.actor = actor;
    }

    @GET
    public TemplateInstance form(@PathParam("id") long id) {
        Comment c = reports.reportable(actor.get(), id);
        return Templates.form(CommentSummary.of(c), List.of(ReportReason.values()), null, null, null, ReportService.MAX_NOTE);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response report(@PathParam("id") long id, @RestForm String reason, @RestForm String note) {
        User reporter = actor.get();
        Comment c = reports.reportable(reporter, id);
        try {
            reports.report(reporter, id, ReportReason.parse(reason).orElse(null), note);
        } catch (ModerationRefused e) {
            if (e.status() != 400 && e.status() != 429) {
                throw e;
            }
            return Response.status(e.status()).entity(Templates.form(CommentSummary.of(c), List.of(ReportReason.values()),
                    reason, note, e.getMessage(), ReportService.MAX_NOTE)).build();
        }
        return Response.ok(Templates.thanks(CommentSummary.of(c))).build();
    }
}
