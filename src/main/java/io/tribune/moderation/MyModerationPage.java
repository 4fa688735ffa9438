package io.tribune.moderation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.tribune.account.User;
import io.tribune.config.TribuneConfig;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code /settings/moderation}: a user's own moderation history, the same facts their emails gave them. */
@Path("/settings/moderation")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class MyModerationPage {

    private static final List<ModerationAction.Type> SHOWN = List.of(ModerationAction.Type.REMOVE, ModerationAction.Type.STRIKE,
            ModerationAction.Type.SUSPEND, ModerationAction.Type.SUSPENSION_ENDED, ModerationAction.Type.DEREGISTER,
            ModerationAction.Type.REINSTATE, ModerationAction.Type.RESTORE);

    /** One event as the user sees it: no moderator names, no private notes. */
    public record Event(Instant at, String what, String reason, Long commentId, String commentExcerpt, String articleHeadline) {
    }

    public record StrikeView(String reason, Instant expiresAt) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance history(User user, String block, List<StrikeView> strikes, List<Event> events,
                TribuneConfig.Moderation rules);
    }

    private final Actor actor;
    private final Clock clock;
    private final TribuneConfig config;

    MyModerationPage(Actor actor, Clock clock, TribuneConfig config) {
        this.actor = actor;
        this.clock = clock;
        this.config = config;
    }

    @GET
    @Transactional(Transactional.TxType.SUPPORTS)
    public TemplateInstance history() {
        User me = actor.get();
        Instant now = clock.instant();
        List<StrikeView> strikes = Strike.<Strike>list("user = ?1 and revokedAt is null and expiresAt > ?2 order by expiresAt", me, now)
                .stream().map(s -> new StrikeView(s.reason.label, s.expiresAt)).toList();
        List<Event> events = ModerationAction.<ModerationAction>find("select a from ModerationAction a left join fetch a.targetComment c "
                + "left join fetch c.article where a.targetUser = ?1 and a.action in ?2 order by a.createdAt desc, a.id desc", me, SHOWN)
                .page(0, 100).list().stream()
                .map(a -> new Event(a.createdAt, describe(a.action), a.reason, a.targetComment == null ? null : a.targetComment.id,
                        a.targetComment == null ? null : Texts.excerpt(a.targetComment.body, 300),
                        a.targetComment == null ? null : a.targetComment.article.headline))
                .toList();
        return Templates.history(me, me.participationBlock().orElse(null), strikes, events, config.moderation());
    }

    private static String describe(ModerationAction.Type type) {
        return switch (type) {
            case REMOVE -> "A comment of yours was removed";
            case STRIKE -> "You received a strike";
            case SUSPEND -> "Your account was suspended";
            case SUSPENSION_ENDED -> "Your suspension ended";
            case DEREGISTER -> "Your account was de-registered";
            case REINSTATE -> "Your account was reinstated";
            case RESTORE -> "A removed comment of yours was restored";
            default -> type.name();
        };
    }
}
