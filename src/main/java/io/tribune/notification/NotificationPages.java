package io.tribune.notification;

import java.net.URI;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.tribune.account.CurrentUser;
import io.tribune.web.Paging;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code /notifications}: the logged-in user's notices, newest first; "Mark all read"; the header's count. */
@Path("/notifications")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class NotificationPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(NoticeService.Page notices);

        static native TemplateInstance count(long unread);
    }

    private final NoticeService notices;
    private final CurrentUser currentUser;

    NotificationPages(NoticeService notices, CurrentUser currentUser) {
        this.notices = notices;
        this.currentUser = currentUser;
    }

    private long userId() {
        return currentUser.id().orElseThrow(() -> new NotAuthorizedException("Please log in"));
    }

    @GET
    public Response list(@RestQuery String page) {
        return Response.ok(Templates.list(notices.page(userId(), Paging.page(page)))).header("Cache-Control", "no-store").build();
    }

    /** The header link with its count, for htmx to refresh it in place. */
    @GET
    @Path("count")
    public Response count() {
        return Response.ok(Templates.count(notices.unread(userId()))).header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("read")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response markAllRead() {
        notices.markAllRead(userId());
        return Response.seeOther(URI.create("/notifications")).build();
    }

    @POST
    @Path("{id: [0-9]{1,18}}/read")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response markRead(@PathParam("id") long id, @RestForm String page) {
        if (!notices.markRead(userId(), id)) {
            throw new NotFoundException("There is no such notification of yours.");
        }
        int number = Paging.page(page);
        return Response.seeOther(URI.create(number == 1 ? "/notifications" : "/notifications?page=" + number)).build();
    }
}
