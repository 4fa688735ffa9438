package io.tribune.moderation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.tribune.account.User;
import io.tribune.config.TribuneConfig;
import jakarta.transaction.Transactional;
import io.tribune.web.Ids;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code /settings/moderation}: a user's own moderation history, the same facts their emails gave them. */
@Path("/settings/moderation")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class MyModerationPage {

    static final List<ModerationAction.Type> SHOWN = List.of(ModerationAction.Type.REMOVE, ModerationAction.Type.STRIKE,
            ModerationAction.Type.SUSPEND, ModerationAction.Type.SUSPENSION_ENDED, ModerationAction.Type.DEREGISTER,
            ModerationAction.Type.REINSTATE, ModerationAction.Type.RESTORE, ModerationAction.Type.STRIKE_WITHDRAWN);

    /**
     * One event as the user sees it: no moderator names, no private notes. {@code appealable}: an appeal can be
     * filed now; {@code appeal}: the one filed, if any.
     */
    public record Event(long id, Instant at, String what, String rule, String reason, Long commentId, String commentExcerpt,
            String articleHeadline, boolean appealable, Instant appealDeadline, AppealView appeal) {
    }

    public record AppealView(Instant filedAt, String body, String outcome, Instant decidedAt, String decisionReason) {
    }

    public record StrikeView(String reason, Instant expiresAt) {
    }

    /** What the user typed into one appeal form, and why it was refused. */
    public record AppealForm(long actionId, String text, String error) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance history(User user, String block, List<StrikeView> strikes, List<Event> events,
                TribuneConfig.Moderation rules, AppealForm form, String notice);
    }

    private final Actor actor;
    private final Clock clock;
    private final TribuneConfig config;
    private final Appeals appeals;

    MyModerationPage(Actor actor, Clock clock, TribuneConfig config, Appeals appeals) {
        this.actor = actor;
        this.clock = clock;
        this.config = config;
        this.appeals = appeals;
    }

    @GET
    @Transactional(Transactional.TxType.SUPPORTS)
    public TemplateInstance history(@RestQuery String appealed) {
        return page(null, appealed != null ? "Your appeal has been sent. A moderator who did not take the decision will"
                + " review it, and you will be told the outcome here and by email." : null);
    }

    @POST
    @Path("appeals")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response appeal(@RestForm String action, @RestForm String text) {
        Optional<Long> actionId = Ids.parse(action);
        if (actionId.isEmpty()) {
            throw ModerationRefused.notFound("There is no such decision about you.");
        }
        try {
            appeals.file(actor.get(), actionId.get(), text);
        } catch (ModerationRefused e) {
            if (e.status() == 404 || e.status() == 403) {
                throw e;
            }
            return Response.status(e.status() == 409 ? 409 : 422)
                    .entity(page(new AppealForm(actionId.get(), echo(text), e.getMessage()), null)).build();
        }
        return Response.seeOther(URI.create("/settings/moderation?appealed=" + actionId.get() + "#e" + actionId.get())).build();
    }

    /** What was typed, shown again; a huge paste is cut well past the limit rather than sent back whole. */
    private static String echo(String text) {
        return text == null ? "" : text.length() > 3 * Appeals.MAX_LENGTH ? text.substring(0, 3 * Appeals.MAX_LENGTH) : text;
    }

    private TemplateInstance page(AppealForm form, String notice) {
        User me = actor.get();
        Instant now = clock.instant();
        List<StrikeView> strikes = Strike.<Strike>list("user = ?1 and revokedAt is null and expiresAt > ?2 order by expiresAt", me, now)
                .stream().map(s -> new StrikeView(s.reason.label, s.expiresAt)).toList();
        Map<Long, Appeal> filed = new HashMap<>();
        Appeal.<Appeal>list("user = ?1", me).forEach(a -> filed.put(a.action.id, a));
        List<Event> events = ModerationAction.<ModerationAction>find("select a from ModerationAction a left join fetch a.targetComment c "
                + "left join fetch c.article where a.targetUser = ?1 and a.action in ?2 order by a.createdAt desc, a.id desc", me, SHOWN)
                .page(0, 100).list().stream()
                .map(a -> event(a, filed.get(a.id)))
                .toList();
        return Templates.history(me, me.participationBlock().orElse(null), strikes, events, config.moderation(), form, notice);
    }

    private Event event(ModerationAction a, Appeal appeal) {
        AppealView view = appeal == null ? null : new AppealView(appeal.createdAt, appeal.body,
                appeal.outcome == null ? "awaiting a decision" : appeal.outcome == Appeal.Outcome.REVERSED
                        ? "reversed: the decision was withdrawn" : "upheld: the decision stands",
                appeal.decidedAt, appeal.decisionReason);
        boolean sanction = Appeals.APPEALABLE.containsKey(a.action);
        return new Event(a.id, a.createdAt, describe(a.action), rule(a), a.reason,
                a.targetComment == null ? null : a.targetComment.id,
                a.targetComment == null ? null : Texts.excerpt(a.targetComment.body, 300),
                a.targetComment == null ? null : a.targetComment.article.headline,
                appeal == null && appeals.mayStillAppeal(a), sanction ? appeals.deadline(a.createdAt) : null, view);
    }

    /** The rule of the comment policy behind a sanction, in words. */
    private String rule(ModerationAction a) {
        if (a.action == ModerationAction.Type.REMOVE || a.action == ModerationAction.Type.STRIKE) {
            return ReportReason.parse(a.reasonCode).map(r -> "comments that are " + r.label.toLowerCase() + " are removed"
                    + (r.strike ? ", and each such removal gives a strike" : " (no strike)")).orElse(null);
        }
        if (a.action == ModerationAction.Type.SUSPEND || a.action == ModerationAction.Type.DEREGISTER) {
            var rules = config.moderation();
            return UserSanctions.AUTOMATIC.equals(a.reasonCode)
                    ? rules.strikesToSuspend() + " active strikes suspend an account for " + rules.suspensionDays() + " days; "
                            + rules.strikesToDeregister() + " de-register it"
                    : "a moderator's decision on the account";
        }
        return null;
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
            case STRIKE_WITHDRAWN -> "A strike of yours was withdrawn";
            default -> type.name();
        };
    }
}
