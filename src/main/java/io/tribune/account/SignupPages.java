package io.tribune.account;

import java.time.Duration;
import java.util.Optional;

import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.tribune.config.TribuneConfig;
import io.tribune.web.ClientAddress;
import io.tribune.web.FormState;
import io.tribune.web.RateLimiter;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code /signup} and the verification link {@code /verify?token=}. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class SignupPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signup(FormState form);

        static native TemplateInstance signedUp(String email);

        static native TemplateInstance verified(String problem);
    }

    private final Registration registration;
    private final RateLimiter limiter;
    private final TribuneConfig config;

    SignupPages(Registration registration, RateLimiter limiter, TribuneConfig config) {
        this.registration = registration;
        this.limiter = limiter;
        this.config = config;
    }

    @GET
    @Path("signup")
    public TemplateInstance page() {
        return Templates.signup(FormState.empty());
    }

    @POST
    @Path("signup")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signup(@BeanParam SignupForm f, HttpServerRequest request) {
        String email = AccountRules.trim(f.email);
        if (f.website != null && !f.website.isBlank()) {
            // a bot filled the hidden field: answer as if it worked, create nothing
            return Response.ok(Templates.signedUp(email)).build();
        }
        FormState form = Registration.echo(f);
        Optional<Duration> wait = limiter.acquire("signup-ip:" + ClientAddress.of(request), config.rateLimit().signupPerIp(),
                config.rateLimit().signupWindow());
        if (wait.isPresent()) {
            long seconds = RateLimiter.seconds(wait.get());
            form.message("Too many sign-ups from your network. Please wait " + LoginPages.waitText(seconds) + " and try again.");
            return Response.status(429).header("Retry-After", seconds).entity(Templates.signup(form)).build();
        }
        Optional<Registration.Issued> issued = registration.signup(f, form);
        if (issued.isEmpty()) {
            form.message("Please correct the marked fields.");
            return Response.status(422).entity(Templates.signup(form)).build();
        }
        return Response.ok(Templates.signedUp(email)).build();
    }

    @GET
    @Path("verify")
    public Response verify(@RestQuery String token) {
        Optional<String> problem = registration.verify(token);
        return Response.status(problem.isPresent() ? 400 : 200).entity(Templates.verified(problem.orElse(null))).build();
    }
}
