package io.tribune.account;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.tribune.account.session.SessionCookies;
import io.tribune.config.TribuneConfig;
import io.tribune.web.FormState;
import io.tribune.web.RateLimiter;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code /settings}: profile, email, password, notifications, resend verification, export and deletion. */
@Path("/settings")
@Produces(MediaType.TEXT_HTML)
public class SettingsPages {

    private static final Map<String, String> NOTICES = Map.of(
            "profile", "Your profile has been saved.",
            "email", "We sent a confirmation link to your new address. Your address changes when you open it.",
            "password", "Your password has been changed. Your other sessions have been logged out.",
            "notifications", "Your notification choices have been saved.",
            "time-zone", "Your time zone has been saved.",
            "verification", "We sent you a new verification link.");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance settings(User user, String block, String profileBlock, String pendingEmail,
                FormState form, String notice);

        static native TemplateInstance deleted();
    }

    private final AccountSettings settings;
    private final Registration registration;
    private final CurrentUser currentUser;
    private final SessionCookies cookies;
    private final RateLimiter limiter;
    private final TribuneConfig config;

    SettingsPages(AccountSettings settings, Registration registration, CurrentUser currentUser,
            SessionCookies cookies, RateLimiter limiter, TribuneConfig config) {
        this.settings = settings;
        this.registration = registration;
        this.currentUser = currentUser;
        this.cookies = cookies;
        this.limiter = limiter;
        this.config = config;
    }

    private long userId() {
        return currentUser.get().map(u -> u.id).orElseThrow(() -> new NotAuthorizedException("Please log in"));
    }

    private Response page(int status, FormState form, String notice) {
        long id = userId();
        User user = settings.user(id);
        return Response.status(status).entity(Templates.settings(user, user.participationBlock().orElse(null),
                user.profileChangeBlock().orElse(null), settings.pendingEmail(id).orElse(null), form, notice)).build();
    }

    private static Response done(String what) {
        return Response.seeOther(URI.create("/settings?done=" + what)).build();
    }

    @GET
    @Authenticated
    public Response show(@RestQuery String done) {
        return page(200, FormState.empty(), done == null ? null : NOTICES.get(done));
    }

    @POST
    @Path("profile")
    @Authenticated
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response profile(@RestForm String displayName, @RestForm String bio) {
        FormState form = FormState.empty().value("displayName", AccountRules.trim(displayName)).value("bio", AccountRules.trim(bio));
        settings.updateProfile(userId(), displayName, bio, form);
        if (form.message() != null) { // this account may not change its public profile now
            return page(403, form, null);
        }
        return form.hasErrors() ? page(422, form, null) : done("profile");
    }

    @POST
    @Path("email")
    @Authenticated
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response email(@RestForm String email, @RestForm String password) {
        FormState form = FormState.empty().value("email", AccountRules.trim(email));
        Optional<Registration.Issued> issued = settings.requestEmailChange(userId(), email, password, form);
        if (issued.isEmpty()) {
            return page(422, form, null);
        }
        return done("email");
    }

    @POST
    @Path("password")
    @Authenticated
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response password(@RestForm String currentPassword, @RestForm String newPassword, RoutingContext context) {
        FormState form = FormState.empty();
        Optional<User> changed = settings.changePassword(userId(), currentPassword, newPassword, form);
        if (changed.isEmpty()) {
            return page(422, form, null);
        }
        cookies.open(context, changed.get()); // this browser stays logged in, under the new generation
        return done("password");
    }

    @POST
    @Path("notifications")
    @Authenticated
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response notifications(@RestForm String notifyReplies, @RestForm String notifyMentions,
            @RestForm String notifyModeration, @RestForm String notifyReports, @RestForm String notifyUpvotes) {
        settings.notifications(userId(), new AccountSettings.NotificationChoices(notifyReplies != null,
                notifyMentions != null, notifyModeration != null, notifyReports != null, notifyUpvotes != null));
        return done("notifications");
    }

    @POST
    @Path("time-zone")
    @Authenticated
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response timeZone(@RestForm String timeZone) {
        FormState form = FormState.empty().value("timeZone", timeZone == null ? "" : timeZone.strip());
        settings.timeZone(userId(), timeZone, form);
        return form.hasErrors() ? page(422, form, null) : done("time-zone");
    }

    @POST
    @Path("verification")
    @Authenticated
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response resendVerification() {
        long id = userId();
        Optional<Duration> wait = limiter.acquire("resend:" + id, config.rateLimit().resendPerAccount(),
                config.rateLimit().resendWindow());
        if (wait.isPresent()) {
            long seconds = RateLimiter.seconds(wait.get());
            Response page = page(429, FormState.empty().error("verification",
                    "You asked for several links already. Please wait " + LoginPages.waitText(seconds)
                            + " before asking again, and check your spam folder."), null);
            return Response.fromResponse(page).header("Retry-After", seconds).build();
        }
        registration.reissue(id); // the link, if any, is in the outbox
        return done("verification");
    }

    @GET
    @Path("export")
    @Authenticated
    @Produces(MediaType.APPLICATION_JSON)
    public Response export() {
        AccountExport data = settings.export(userId());
        return Response.ok(data, MediaType.APPLICATION_JSON_TYPE)
                .header("Content-Disposition", "attachment; filename=\"tribune-" + data.profile().username() + ".json\"")
                .header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("delete")
    @Authenticated
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@RestForm String password, @RestForm String comments, RoutingContext context) {
        if (!settings.delete(userId(), password, "remove".equals(comments))) {
            return page(422, FormState.empty().value("comments", comments == null ? "keep" : comments)
                    .error("deletePassword", "That is not your current password."), null);
        }
        cookies.close(context);
        return Response.seeOther(URI.create("/settings/deleted")).build();
    }

    @GET
    @Path("deleted")
    public TemplateInstance deleted() {
        return Templates.deleted();
    }
}
