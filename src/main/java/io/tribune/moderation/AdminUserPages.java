package io.tribune.moderation;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.tribune.account.User;
import io.tribune.account.UserStatus;
import io.tribune.config.TribuneConfig;
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

/** {@code /admin/users}: the searchable list, a user's moderation page, and the actions on the account. */
@Path("/admin/users")
@ModeratorArea
@RolesAllowed({ "moderator", "admin" })
@Produces(MediaType.TEXT_HTML)
public class AdminUserPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(UserDirectory.UserPage page, String q, String status, List<UserStatus> statuses,
                String filterQuery);

        static native TemplateInstance user(UserDirectory.Detail detail, boolean admin, boolean noActions, int suspensionDays,
                String done, String error);
    }

    private final UserDirectory directory;
    private final UserSanctions sanctions;
    private final Actor actor;
    private final TribuneConfig config;

    AdminUserPages(UserDirectory directory, UserSanctions sanctions, Actor actor, TribuneConfig config) {
        this.directory = directory;
        this.sanctions = sanctions;
        this.actor = actor;
        this.config = config;
    }

    @GET
    public TemplateInstance list(@RestQuery String q, @RestQuery String status, @RestQuery String page) {
        UserStatus s = parseStatus(status).orElse(null);
        String statusName = s == null ? "" : s.name();
        return Templates.list(directory.search(q, s, Paging.page(page)), q, statusName, List.of(UserStatus.values()),
                "q=" + QueuePages.encode(q == null ? "" : q) + "&status=" + statusName);
    }

    @GET
    @Path("{username}")
    public TemplateInstance user(@PathParam("username") String username, @RestQuery String done, @RestQuery String error) {
        UserDirectory.Detail d = directory.detail(username);
        User me = actor.get();
        // a moderator cannot act on themselves or on an admin: the page offers no actions then (the service checks too)
        boolean mayAct = !me.id.equals(d.user().id) && (me.hasRole("admin") || !d.user().hasRole("admin"));
        return Templates.user(d, me.hasRole("admin"), !mayAct, config.moderation().suspensionDays(), done, error);
    }

    @POST
    @Path("{username}/suspend")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response suspend(@PathParam("username") String username, @RestForm Integer days, @RestForm String reason) {
        return act(username, "suspended", u -> sanctions.suspend(actor.get(), username, days, reason));
    }

    @POST
    @Path("{username}/deregister")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response deregister(@PathParam("username") String username, @RestForm String reason) {
        return act(username, "de-registered", u -> sanctions.deregister(actor.get(), username, reason));
    }

    @POST
    @Path("{username}/reinstate")
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reinstate(@PathParam("username") String username, @RestForm String reason) {
        return act(username, "reinstated", u -> sanctions.reinstate(actor.get(), username, reason));
    }

    @POST
    @Path("{username}/always-hold")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response alwaysHold(@PathParam("username") String username, @RestForm String on, @RestForm String reason) {
        boolean hold = "true".equals(on);
        return act(username, hold ? "always held" : "no longer always held",
                u -> sanctions.alwaysHold(actor.get(), username, hold, reason));
    }

    @POST
    @Path("{username}/notes")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response note(@PathParam("username") String username, @RestForm String body) {
        return act(username, "note added", u -> sanctions.addNote(actor.get(), username, body));
    }

    @POST
    @Path("{username}/roles")
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response role(@PathParam("username") String username, @RestForm String role, @RestForm String grant) {
        boolean g = "true".equals(grant);
        return act(username, (g ? "granted " : "revoked ") + role, u -> sanctions.setRole(actor.get(), username, role, g));
    }

    private Response act(String username, String done, Consumer<String> action) {
        User target = sanctions.find(username);
        String back = "/admin/users/" + QueuePages.encode(target.username).replace("+", "%20");
        try {
            action.accept(username);
            return Response.seeOther(URI.create(back + "?done=" + QueuePages.encode(done))).build();
        } catch (ModerationRefused e) {
            if (e.status() == 403 || e.status() == 404) {
                throw e;
            }
            return Response.seeOther(URI.create(back + "?error=" + QueuePages.encode(e.getMessage()))).build();
        }
    }

    private static Optional<UserStatus> parseStatus(String raw) {
        for (UserStatus s : UserStatus.values()) {
            if (s.name().equalsIgnoreCase(raw == null ? "" : raw.trim())) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
