package io.tribune.account;

import java.util.List;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code /users/{username}}: the public profile. Nothing private: no email, no status, no votes. */
@Path("/users")
@Produces(MediaType.TEXT_HTML)
public class ProfilePages {

    static final int LATEST = 20;

    private final UserComments comments;

    ProfilePages(UserComments comments) {
        this.comments = comments;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance profile(User user, long commentCount, List<UserComments.Latest> latest);
    }

    @GET
    @Path("{username}")
    @Transactional
    public TemplateInstance profile(@PathParam("username") String username) {
        User user = User.findByUsername(username).filter(u -> u.status != UserStatus.DELETED)
                .orElseThrow(NotFoundException::new);
        long count = comments.visibleCount(user.id);
        List<UserComments.Latest> latest = comments.latest(user.id, LATEST);
        return Templates.profile(user, count, latest);
    }
}
