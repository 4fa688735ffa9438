package io.tribune.reading;

import java.util.List;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;

import io.quarkus.security.Authenticated;
import io.tribune.mute.CommentMutePages;
import io.tribune.vote.VotePages;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The article page's one form ({@code <form id="comment-actions">}, which holds the page's CSRF token): a comment's
 * vote, mute and unmute buttons post it with the comment id as their value ({@code vote=123}), so no comment carries
 * a form, a token or a URL of its own. Each action is handed to the route of its feature, whose outcomes it keeps:
 * {@code /comments/{id}/vote} (a redirect to the comment, or the new button for {@code HX-Request}) and
 * {@code /comments/{id}/mute}, {@code /unmute}. Anything but exactly one action is a 400; an id that is not a
 * comment's is a 404, as there.
 */
@Path("/comments")
@Authenticated
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class CommentActions {

    static final String ONE_ACTION = "Choose one action for one comment: vote, mute or unmute.";

    private final VotePages votes;
    private final CommentMutePages mutes;

    CommentActions(VotePages votes, CommentMutePages mutes) {
        this.votes = votes;
        this.mutes = mutes;
    }

    @POST
    @Path("actions")
    public Response act(@RestForm List<String> vote, @RestForm List<String> mute, @RestForm List<String> unmute,
            @RestHeader("HX-Request") String htmx) {
        if (count(vote) + count(mute) + count(unmute) != 1) {
            throw new BadRequestException(ONE_ACTION);
        }
        if (count(vote) == 1) {
            return votes.toggle(vote.get(0), htmx);
        }
        return count(mute) == 1 ? mutes.mute(mute.get(0)) : mutes.unmute(unmute.get(0));
    }

    private static int count(List<String> values) {
        return values == null ? 0 : values.size();
    }
}
