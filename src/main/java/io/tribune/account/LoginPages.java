package io.tribune.account;

import java.net.URI;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.tribune.account.session.DeviceCookies;
import io.tribune.account.session.SessionCookies;
import io.tribune.account.session.SessionCsrf;
import io.tribune.web.ClientAddress;
import io.tribune.web.FormState;
import io.tribune.web.RateLimiter;
import io.tribune.web.SafeRedirect;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code /login} (by username or email, CSRF-checked, rate-limited) and {@code /logout}. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class LoginPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(FormState form, String next, String notice);
    }

    private final Login login;
    private final Sessions sessions;
    private final SessionCookies cookies;
    private final CurrentUser currentUser;
    private final DeviceCookies devices;
    private final SessionCsrf csrf;

    LoginPages(Login login, Sessions sessions, SessionCookies cookies, CurrentUser currentUser, DeviceCookies devices,
            SessionCsrf csrf) {
        this.csrf = csrf;
        this.login = login;
        this.sessions = sessions;
        this.cookies = cookies;
        this.currentUser = currentUser;
        this.devices = devices;
    }

    @GET
    @Path("login")
    public TemplateInstance page(@RestQuery String next, @RestQuery String done, @RestHeader("Referer") String referer,
            HttpServerRequest request) {
        String back = SafeRedirect.path(next)
                .or(() -> SafeRedirect.fromReferer(referer, request.authority() == null ? null : request.authority().toString())
                        .filter(p -> !p.startsWith("/login") && !p.startsWith("/signup") && !p.startsWith("/password")
                                && !p.startsWith("/verify")))
                .orElse("");
        String notice = "reset".equals(done) ? "Your password has been changed. Log in with the new one." : null;
        return Templates.login(FormState.empty(), back, notice);
    }

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response login(@RestForm("login") String name, @RestForm String password, @RestForm String next,
            HttpServerRequest request, RoutingContext context) {
        String back = SafeRedirect.path(next).orElse("");
        FormState form = FormState.empty().value("login", name == null ? "" : name.strip());
        Login.Result result = login.attempt(name, password, ClientAddress.of(request), devices.read(context));
        if (result instanceof Login.Success success) {
            User user = sessions.find(success.userId());
            cookies.open(context, user);
            devices.remember(context, user.id);
            csrf.issueFor(context, user.id, user.sessionGeneration);
            return Response.seeOther(URI.create(back.isEmpty() ? "/" : back)).build();
        }
        if (result instanceof Login.Refused refused) {
            form.message(refused.message());
            return Response.status(403).entity(Templates.login(form, back, null)).build();
        }
        if (result instanceof Login.Limited limited) {
            long seconds = RateLimiter.seconds(limited.retryAfter());
            form.message("Too many failed log-in attempts. Please wait " + waitText(seconds) + " and try again.");
            return Response.status(429).header("Retry-After", seconds).entity(Templates.login(form, back, null)).build();
        }
        form.message("Wrong username, email or password.");
        return Response.status(401).entity(Templates.login(form, back, null)).build();
    }

    @POST
    @Path("logout")
    @Authenticated
    public Response logout(RoutingContext context) {
        currentUser.get().ifPresent(u -> sessions.endAll(u.id));
        cookies.close(context);
        return Response.seeOther(URI.create("/")).build();
    }

    static String waitText(long seconds) {
        if (seconds < 90) {
            return seconds + " seconds";
        }
        return ((seconds + 59) / 60) + " minutes";
    }
}
