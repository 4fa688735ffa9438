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

/** {@code /admin/log}: the audit log, read-only, filtered by moderator, user, action and date. */
@Path("/admin/log")
@ModeratorArea
@RolesAllowed({ "moderator", "admin" })
@Produces(MediaType.TEXT_HTML)
public class LogPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance log(AuditView.LogPage page, String moderator, String user, String action, String from,
                String to, List<ModerationAction.Type> actions, String filterQuery, String error);
    }

    private final AuditView audit;

    LogPages(AuditView audit) {
        this.audit = audit;
    }

    @GET
    public TemplateInstance log(@RestQuery String moderator, @RestQuery String user, @RestQuery String action,
            @RestQuery String from, @RestQuery String to, @RestQuery String page) {
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
        AuditView.Filter filter = new AuditView.Filter(moderator, user, type, fromDate, toDate);
        String query = "moderator=" + enc(moderator) + "&user=" + enc(user) + "&action=" + enc(action) + "&from=" + enc(from)
                + "&to=" + enc(to);
        return Templates.log(audit.search(filter, Paging.page(page)), moderator, user, type == null ? "" : type.name(), from, to,
                List.of(ModerationAction.Type.values()), query, error);
    }

    private static LocalDate date(String raw) {
        return raw == null || raw.isBlank() ? null : LocalDate.parse(raw.trim());
    }

    private static String enc(String s) {
        return QueuePages.encode(s == null ? "" : s);
    }
}
