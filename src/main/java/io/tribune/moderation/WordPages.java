package io.tribune.moderation;

import java.net.URI;
import java.util.List;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code /admin/words}: the blocked and suspect word lists. */
@Path("/admin/words")
@ModeratorArea
@RolesAllowed({ "moderator", "admin" })
@Produces(MediaType.TEXT_HTML)
public class WordPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance words(List<ModerationWord> blocked, List<ModerationWord> suspect, String word,
                String kind, String error, String done);
    }

    private final WordService words;
    private final Actor actor;

    WordPages(WordService words, Actor actor) {
        this.words = words;
        this.actor = actor;
    }

    @GET
    public TemplateInstance words(@RestQuery String done) {
        return render(null, null, null, done);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response add(@RestForm String word, @RestForm String kind) {
        try {
            ModerationWord.Kind k = "suspect".equalsIgnoreCase(kind) ? ModerationWord.Kind.SUSPECT
                    : "blocked".equalsIgnoreCase(kind) ? ModerationWord.Kind.BLOCKED : null;
            words.add(actor.get(), word, k);
            return Response.seeOther(URI.create("/admin/words?done=added")).build();
        } catch (ModerationRefused e) {
            if (e.status() == 403) {
                throw e;
            }
            return Response.status(e.status()).entity(render(word, kind, e.getMessage(), null)).build();
        }
    }

    @POST
    @Path("{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@PathParam("id") long id) {
        words.remove(actor.get(), id);
        return Response.seeOther(URI.create("/admin/words?done=removed")).build();
    }

    private TemplateInstance render(String word, String kind, String error, String done) {
        List<ModerationWord> all = words.list();
        return Templates.words(all.stream().filter(w -> w.kind == ModerationWord.Kind.BLOCKED).toList(),
                all.stream().filter(w -> w.kind == ModerationWord.Kind.SUSPECT).toList(), word, kind, error,
                "added".equals(done) || "removed".equals(done) ? done : null);
    }
}
