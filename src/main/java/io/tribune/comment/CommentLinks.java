package io.tribune.comment;

import java.net.URI;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/** Permalinks: {@code /comments/{id}} sends the reader to the comment's anchor on its article. */
@Path("/comments")
public class CommentLinks {

    private final ThreadService threads;

    CommentLinks(ThreadService threads) {
        this.threads = threads;
    }

    @GET
    @Path("{id}")
    public Response permalink(@PathParam("id") String id) {
        Comment comment = parseId(id).flatMap(threads::find).orElseThrow(NotFoundException::new);
        if (!comment.article.isPublished()) {
            throw new NotFoundException();
        }
        int page = threads.pageOf(comment);
        String target = "/articles/" + comment.article.slug + (page > 1 ? "?page=" + page : "") + "#c" + comment.id;
        return Response.seeOther(URI.create(target)).build();
    }

    static java.util.Optional<Long> parseId(String raw) {
        try {
            long id = Long.parseLong(raw);
            return id > 0 ? java.util.Optional.of(id) : java.util.Optional.empty();
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }
}
