package io.tribune.notification.outbox;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.tribune.account.CurrentUser;
import io.tribune.account.UserStatus;
import io.tribune.web.Paging;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code /admin/mail} (admins): the outbox — counts, pending and failed emails with their last error — and "Retry". */
@Path("/admin/mail")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("admin")
public class OutboxPages {

    /** One row of the page; the body is not shown (it may hold a sign-in link). */
    public record Row(long id, String recipient, String kind, String subject, String status, int attempts,
            Instant createdAt, Instant nextAttemptAt, String lastError) {
    }

    public record View(List<Row> rows, String status, long pending, long failed, long sent, int page, boolean hasNext,
            String notice) {
        public int nextPage() {
            return page + 1;
        }

        public int previousPage() {
            return page - 1;
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance outbox(View view);
    }

    private static final int PAGE_SIZE = 50;

    private final OutboxQueries queries;
    private final MailSender sender;
    private final CurrentUser currentUser;

    OutboxPages(OutboxQueries queries, MailSender sender, CurrentUser currentUser) {
        this.queries = queries;
        this.sender = sender;
        this.currentUser = currentUser;
    }

    private void requireActiveAdmin() {
        if (currentUser.get().map(u -> u.status != UserStatus.ACTIVE).orElse(true)) {
            throw new ForbiddenException("Your account may not use the admin pages right now.");
        }
    }

    @GET
    public Response list(@RestQuery String status, @RestQuery String page, @RestQuery String done) {
        requireActiveAdmin();
        String shown = "failed".equals(status) ? "FAILED" : "sent".equals(status) ? "SENT" : "PENDING";
        int number = Paging.page(page);
        View view = queries.view(shown, number, PAGE_SIZE, "retried".equals(done) ? "The email is queued again." : null);
        return Response.ok(Templates.outbox(view)).header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("{id: [0-9]{1,18}}/retry")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response retry(@PathParam("id") long id) {
        requireActiveAdmin();
        if (!sender.retry(id)) {
            throw new NotFoundException("There is no failed email " + id + ".");
        }
        return Response.seeOther(URI.create("/admin/mail?status=failed&done=retried")).build();
    }
}
