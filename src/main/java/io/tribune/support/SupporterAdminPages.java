package io.tribune.support;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.tribune.account.User;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Admins grant supporter status (a gift, a cheque, a provider without webhooks) and end it. */
@Path("/admin/supporters")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("admin")
public class SupporterAdminPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance supporters(List<SupporterRow> active, String error, String username, String until,
                String notice);
    }

    private final SupporterService supporters;

    SupporterAdminPages(SupporterService supporters) {
        this.supporters = supporters;
    }

    @GET
    public TemplateInstance list(@QueryParam("done") String done) {
        String notice = "granted".equals(done) ? "Supporter status granted." : "ended".equals(done)
                ? "Supporter status ended." : null;
        return Templates.supporters(supporters.active(), null, "", "", notice);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response grant(@RestForm String username, @RestForm String until) {
        String name = username == null ? "" : username.strip();
        String date = until == null ? "" : until.strip();
        User user = name.isEmpty() ? null : User.<User>find("lower(username) = ?1", name.toLowerCase()).firstResult();
        if (user == null) {
            return refuse("There is no user called " + (name.isEmpty() ? "that" : "@" + name) + ".", name, date);
        }
        LocalDate day;
        try {
            day = LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            return refuse("Give the end date as YYYY-MM-DD.", name, date);
        }
        if (!day.isAfter(LocalDate.now(ZoneOffset.UTC))) {
            return refuse("The end date must be in the future.", name, date);
        }
        supporters.grant(user, day.atStartOfDay(ZoneOffset.UTC).toInstant(), "admin");
        return Response.seeOther(URI.create("/admin/supporters?done=granted")).build();
    }

    @POST
    @Path("end")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response end(@RestForm String username) {
        User user = username == null ? null
                : User.<User>find("lower(username) = ?1", username.strip().toLowerCase()).firstResult();
        if (user == null || !supporters.end(user)) {
            return refuse("@" + username + " is not a supporter.", "", "");
        }
        return Response.seeOther(URI.create("/admin/supporters?done=ended")).build();
    }

    private Response refuse(String error, String username, String until) {
        return Response.status(400).entity(Templates.supporters(supporters.active(), error, username, until, null))
                .build();
    }
}
