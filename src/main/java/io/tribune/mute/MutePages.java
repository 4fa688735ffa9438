package io.tribune.mute;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.function.LongFunction;

import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.tribune.account.CurrentUser;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Mute and unmute forms on a profile ({@code /users/{username}/mute}) and on the settings page
 * ({@code back=settings}); a comment's actions use {@link CommentMutePages}. Done, the reader goes back where they
 * were; refused (themselves, twice), they get a page saying why; an unknown user is a 404.
 */
@Path("/users")
@Authenticated
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class MutePages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance refused(String message, String back);
    }

    private final Mutes mutes;
    private final CurrentUser currentUser;

    MutePages(Mutes mutes, CurrentUser currentUser) {
        this.mutes = mutes;
        this.currentUser = currentUser;
    }

    @POST
    @Path("{username}/mute")
    public Response mute(@PathParam("username") String username, @RestForm String back) {
        return act(back, "/users/" + encode(username), me -> mutes.mute(me, username).username);
    }

    @POST
    @Path("{username}/unmute")
    public Response unmute(@PathParam("username") String username, @RestForm String back) {
        return act(back, "/users/" + encode(username), me -> mutes.unmute(me, username).username);
    }

    Response act(String back, String page, LongFunction<String> action) {
        long me = currentUser.id().orElseThrow(NotFoundException::new);
        String to = "settings".equals(back) ? "/settings#muted" : page;
        try {
            action.apply(me);
        } catch (MuteRefused e) {
            if (e.status() == 404) {
                throw new NotFoundException(e.getMessage());
            }
            return Response.status(e.status()).entity(Templates.refused(e.getMessage(), to)).build();
        }
        return Response.seeOther(URI.create(to)).build();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
