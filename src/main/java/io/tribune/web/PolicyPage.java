package io.tribune.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.tribune.config.TribuneConfig;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The comment policy, with its numbers taken from configuration. */
@Path("/policy")
@Produces(MediaType.TEXT_HTML)
public class PolicyPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance policy(TribuneConfig.Moderation rules, TribuneConfig.Comments comments);
    }

    private final TribuneConfig config;

    PolicyPage(TribuneConfig config) {
        this.config = config;
    }

    @GET
    public TemplateInstance policy() {
        return Templates.policy(config.moderation(), config.comments());
    }
}
