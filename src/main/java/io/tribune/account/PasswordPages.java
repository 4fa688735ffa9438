package io.tribune.account;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.tribune.web.ClientAddress;
import io.tribune.web.FormState;
import io.tribune.web.RateLimiter;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code /password/forgot} and {@code /password/reset}. */
@Path("/password")
@Produces(MediaType.TEXT_HTML)
public class PasswordPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance forgot(FormState form, boolean sent);

        static native TemplateInstance reset(FormState form, String token, boolean valid);
    }

    private final PasswordReset reset;

    PasswordPages(PasswordReset reset) {
        this.reset = reset;
    }

    @GET
    @Path("forgot")
    public TemplateInstance forgotPage() {
        return Templates.forgot(FormState.empty(), false);
    }

    @POST
    @Path("forgot")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response forgot(@RestForm String email, HttpServerRequest request) {
        FormState form = FormState.empty().value("email", AccountRules.trim(email));
        Optional<Duration> wait = reset.limitFor(ClientAddress.of(request));
        if (wait.isPresent()) {
            long seconds = RateLimiter.seconds(wait.get());
            form.message("Too many requests. Please wait " + LoginPages.waitText(seconds) + " and try again.");
            return Response.status(429).header("Retry-After", seconds).entity(Templates.forgot(form, false)).build();
        }
        reset.request(email); // the email, if any, is in the outbox
        return Response.ok(Templates.forgot(form, true)).build();
    }

    @GET
    @Path("reset")
    public Response resetPage(@RestQuery String token) {
        boolean valid = reset.valid(token);
        return Response.status(valid ? 200 : 400).entity(Templates.reset(FormState.empty(), valid ? token : "", valid)).build();
    }

    @POST
    @Path("reset")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reset(@RestForm String token, @RestForm String password, @RestForm String confirm) {
        FormState form = FormState.empty();
        if (!reset.reset(token, password, confirm, form)) {
            return Response.status(400).entity(Templates.reset(form, "", false)).build();
        }
        if (form.hasErrors()) {
            return Response.status(422).entity(Templates.reset(form, token, true)).build();
        }
        return Response.seeOther(URI.create("/login?done=reset")).build();
    }
}
