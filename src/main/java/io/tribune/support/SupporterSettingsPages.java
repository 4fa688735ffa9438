package io.tribune.support;

import java.net.URI;
import java.util.Optional;

import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.tribune.account.CurrentUser;
import io.tribune.account.User;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** /settings/supporter thanks a supporter and keeps their badge choice. */
@Path("/settings/supporter")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class SupporterSettingsPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance supporter(Supporter supporter, boolean saved);
    }

    private final SupporterService supporters;
    private final CurrentUser currentUser;

    SupporterSettingsPages(SupporterService supporters, CurrentUser currentUser) {
        this.supporters = supporters;
        this.currentUser = currentUser;
    }

    @GET
    @Authenticated
    public TemplateInstance supporter(@QueryParam("done") String done) {
        Optional<Supporter> s = supporters.of(user().id);
        return Templates.supporter(s.orElse(null), "badge".equals(done));
    }

    @POST
    @Authenticated
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response badge(@RestForm String showBadge) {
        User user = user();
        if (supporters.of(user.id).filter(Supporter::isActive).isEmpty()) {
            throw new ForbiddenException("Only supporters have a badge to show.");
        }
        supporters.showBadge(user.id, showBadge != null);
        return Response.seeOther(URI.create("/settings/supporter?done=badge")).build();
    }

    private User user() {
        return currentUser.get().orElseThrow(() -> new ForbiddenException("Log in first."));
    }
}
