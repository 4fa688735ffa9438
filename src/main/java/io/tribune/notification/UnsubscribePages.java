package io.tribune.notification;

import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /unsubscribe?token=}: the page an emailed unsubscribe link opens, without logging in. It changes
 * nothing (mail scanners open links); its button POSTs to the same address, which {@link UnsubscribeRoute} answers.
 */
@Path("/unsubscribe")
@Produces(MediaType.TEXT_HTML)
public class UnsubscribePages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance unsubscribe(String token, String about, boolean receives, String problem);
    }

    private final UnsubscribeTokens tokens;
    private final NoticeService notices;

    UnsubscribePages(UnsubscribeTokens tokens, NoticeService notices) {
        this.tokens = tokens;
        this.notices = notices;
    }

    @GET
    public Response page(@RestQuery String token) {
        try {
            UnsubscribeTokens.Grant grant = tokens.check(token);
            return Response.ok(Templates.unsubscribe(token, grant.kind().about, notices.receives(grant), null))
                    .header("Cache-Control", "no-store").build();
        } catch (UnsubscribeTokens.Refused e) {
            return Response.status(400).entity(Templates.unsubscribe("", null, false, e.getMessage()))
                    .header("Cache-Control", "no-store").build();
        }
    }
}
