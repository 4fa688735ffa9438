package io.tribune.account;

import java.util.List;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.tribune.article.ArticleStatus;
import io.tribune.comment.Comment;
import io.tribune.comment.CommentStatus;
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

    /** {@code held}: awaiting review, listed only on its author's own view of their profile. */
    public record LatestComment(long id, String articleHeadline, String excerpt, java.time.Instant createdAt, boolean held) {
    }

    private final CurrentUser currentUser;

    ProfilePages(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance profile(User user, long commentCount, List<LatestComment> latest);
    }

    @GET
    @Path("{username}")
    @Transactional
    public TemplateInstance profile(@PathParam("username") String username) {
        User user = User.findByUsername(username).filter(u -> u.status != UserStatus.DELETED)
                .orElseThrow(NotFoundException::new);
        long count = Comment.count("author = ?1 and status = ?2 and article.status = ?3", user, CommentStatus.VISIBLE,
                ArticleStatus.PUBLISHED);
        boolean own = currentUser.id().filter(user.id::equals).isPresent();
        List<CommentStatus> shown = own ? List.of(CommentStatus.VISIBLE, CommentStatus.PENDING) : List.of(CommentStatus.VISIBLE);
        List<LatestComment> latest = Comment.<Comment>find("""
                from Comment c join fetch c.article a
                where c.author = ?1 and c.status in ?2 and a.status = ?3 and a.publishedAt <= ?4
                order by c.createdAt desc""", user, shown, ArticleStatus.PUBLISHED, java.time.Instant.now())
                .page(0, LATEST).list().stream()
                .map(c -> new LatestComment(c.id, c.article.headline, excerpt(c.body), c.createdAt,
                        c.status == CommentStatus.PENDING)).toList();
        return Templates.profile(user, count, latest);
    }

    static String excerpt(String body) {
        String flat = body.replaceAll("\\s+", " ").strip();
        return flat.length() <= 200 ? flat : flat.substring(0, 199) + "…";
    }
}
