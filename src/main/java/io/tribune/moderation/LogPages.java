package io.tribune.moderation;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.tribune.web.Paging;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code /admin/log}: the audit log, read-only, filtered by moderator, user, action and date. */
@Path("/admin/log")
@ModeratorArea
@RolesAllowed({ "moderator", "admin" })
@Produces(MediaType.TEXT_HTML)
public class LogPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance log(AuditView.LogPage page, String moderator, String user, String action, String from,
                String to, List<ActionOption> actions, String filterQuery, String error);
    }

    /** An action in the filter: its code (the query value) and its name in words. */
    public record ActionOption(String name, String label) {
    }

    static final int CSV_MAX_ROWS = 100_000;

    private final AuditView audit;

    LogPages(AuditView audit) {
        this.audit = audit;
    }

    @GET
    public TemplateInstance log(@RestQuery String moderator, @RestQuery String user, @RestQuery String action,
            @RestQuery String from, @RestQuery String to, @RestQuery String page) {
        Parsed f = parse(moderator, user, action, from, to);
        String query = "moderator=" + enc(moderator) + "&user=" + enc(user) + "&action=" + enc(action) + "&from=" + enc(from)
                + "&to=" + enc(to);
        List<ActionOption> actions = java.util.Arrays.stream(ModerationAction.Type.values())
                .map(t -> new ActionOption(t.name(), AuditWords.label(t))).toList();
        return Templates.log(audit.search(f.filter(), Paging.page(page)), moderator, user,
                f.filter().action() == null ? "" : f.filter().action().name(), from, to, actions, query, f.error());
    }

    /** Admins only: the filtered log as CSV (at most 100,000 rows, newest first). */
    @GET
    @Path("export.csv")
    @RolesAllowed("admin")
    @Produces("text/csv")
    public Response csv(@RestQuery String moderator, @RestQuery String user, @RestQuery String action,
            @RestQuery String from, @RestQuery String to) {
        Parsed f = parse(moderator, user, action, from, to);
        if (f.error() != null) {
            throw ModerationRefused.invalid(f.error());
        }
        StringBuilder csv = new StringBuilder("id,time,moderator,action,what,user,comment,reason_code,reason,before,after\r\n");
        for (AuditView.Entry e : audit.all(f.filter(), CSV_MAX_ROWS)) {
            csv.append(e.id()).append(',').append(e.createdAt()).append(',').append(cell(e.moderator())).append(',')
                    .append(cell(e.action())).append(',').append(cell(e.plain())).append(',').append(cell(e.targetUser()))
                    .append(',').append(e.commentId() == null ? "" : e.commentId()).append(',').append(cell(e.reasonCode()))
                    .append(',').append(cell(e.reason())).append(',').append(cell(e.before())).append(',')
                    .append(cell(e.after())).append("\r\n");
        }
        return Response.ok(csv.toString(), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"tribune-audit-log.csv\"").build();
    }

    /** RFC 4180 quoting; a leading =, +, - or @ is prefixed with ' so that spreadsheets do not run it as a formula. */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String v = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }

    private record Parsed(AuditView.Filter filter, String error) {
    }

    private static Parsed parse(String moderator, String user, String action, String from, String to) {
        String error = null;
        ModerationAction.Type type = null;
        if (action != null && !action.isBlank()) {
            try {
                type = ModerationAction.Type.valueOf(action.trim().toUpperCase());
            } catch (IllegalArgumentException e) {
                error = "Unknown action " + action + ".";
            }
        }
        LocalDate fromDate = null;
        LocalDate toDate = null;
        try {
            fromDate = date(from);
            toDate = date(to);
        } catch (DateTimeParseException e) {
            error = "Dates are written like 2026-11-29.";
        }
        return new Parsed(new AuditView.Filter(moderator, user, type, fromDate, toDate), error);
    }

    private static LocalDate date(String raw) {
        return raw == null || raw.isBlank() ? null : LocalDate.parse(raw.trim());
    }

    private static String enc(String s) {
        return QueuePages.encode(s == null ? "" : s);
    }
}
