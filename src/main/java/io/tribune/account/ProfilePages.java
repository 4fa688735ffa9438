package io.tribune.account;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.tribune.config.TribuneConfig;
import io.tribune.web.DatabaseChanges;
import io.tribune.web.PublicPages;
import io.tribune.web.SharedHtml;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code /users/{username}}: the public profile. Nothing private: no email, no status, no votes. Kept for every
 * visitor until the user, their comments, an article or the supporters change ({@link PublicPages}), and at most a
 * minute (a supporter's badge runs out with time alone); the owner's own view (it lists their held comments) is
 * always rendered for them.
 */
@Path("/users")
@Produces(MediaType.TEXT_HTML)
public class ProfilePages {

    static final int LATEST = 20;

    private static final int MAX_PAGES = 5_000;

    private final UserComments comments;
    private final CurrentUser currentUser;
    private final SharedHtml html;
    private final PublicPages kept;

    ProfilePages(UserComments comments, CurrentUser currentUser, SharedHtml html, DatabaseChanges changes,
            TribuneConfig config) {
        this.comments = comments;
        this.currentUser = currentUser;
        this.html = html;
        this.kept = new PublicPages(changes, config, MAX_PAGES, Duration.ofMinutes(1), "comments", "articles",
                "profiles");
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance profile(User user, long commentCount, List<UserComments.Latest> latest);
    }

    @GET
    @Path("{username}")
    @Transactional
    public Response profile(@PathParam("username") String username,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        if (currentUser.username().filter(username::equalsIgnoreCase).isPresent()) {
            // held comments (awaiting review) are listed only on their author's own view of the profile
            return Response.ok(render(username, true)).build();
        }
        return html.answer(kept, username.toLowerCase(Locale.ROOT), ifNoneMatch, () -> render(username, false));
    }

    private TemplateInstance render(String username, boolean own) {
        User user = User.findByUsername(username).filter(u -> u.status != UserStatus.DELETED)
                .orElseThrow(NotFoundException::new);
        long count = comments.visibleCount(user.id);
        List<UserComments.Latest> latest = comments.latest(user.id, LATEST, own);
        return Templates.profile(user, count, latest);
    }
}
