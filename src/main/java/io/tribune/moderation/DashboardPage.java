package io.tribune.moderation;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code /admin}: the moderation dashboard. */
@Path("/admin")
@ModeratorArea
@RolesAllowed({ "moderator", "admin" })
@Produces(MediaType.TEXT_HTML)
public class DashboardPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(Dashboard.Summary summary, int days);
    }

    private final Dashboard dashboard;

    DashboardPage(Dashboard dashboard) {
        this.dashboard = dashboard;
    }

    @GET
    public TemplateInstance dashboard() {
        return Templates.dashboard(dashboard.summary(), Dashboard.DAYS);
    }
}
