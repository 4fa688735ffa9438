package io.tribune.support;



import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** /support explains what support pays for. */
@Path("/support")
@Produces(MediaType.TEXT_HTML)
public class SupportPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance support(String checkoutUrl);
    }

    private final SupportConfig config;

    SupportPages(SupportConfig config) {
        this.config = config;
    }

    @GET
    public TemplateInstance support() {
        return Templates.support(config.checkoutUrl().filter(u -> u.startsWith("https://")).orElse(null));
    }

}
