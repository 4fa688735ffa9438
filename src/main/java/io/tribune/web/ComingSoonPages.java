package io.tribune.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Sign-up and log-in placeholders until accounts exist. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class ComingSoonPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance comingSoon(String title);
    }

    @GET
    @Path("signup")
    public TemplateInstance signup() {
        return Templates.comingSoon("Sign up");
    }

    @GET
    @Path("login")
    public TemplateInstance login() {
        return Templates.comingSoon("Log in");
    }
}
