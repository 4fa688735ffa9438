package io.tribune.moderation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.tribune.account.User;
import io.tribune.account.UserStatus;
import io.tribune.comment.CommentStatus;
import io.tribune.config.TribuneConfig;
import io.tribune.moderation.ModerationAction.Type;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

/**
 * Appeals against sanctions: one per sanction, by its user, within the appeal period; decided (upheld with a
 * reason, or reversed) by a moderator other than the one who imposed it, where there is one.
 */
@ApplicationScoped
@Transactional
public class Appeals {

    public static final int MAX_LENGTH = 2000;

    /** The sanctions a user can appeal against, as they are called to the user. */
    static final Map<Type, String> APPEALABLE = Map.of(Type.REMOVE, "removal", Type.STRIKE, "strike", Type.SUSPEND,
            "suspension", Type.DEREGISTER, "de-registration");

    private final Clock clock;
    private final AuditLog audit;
    private final UserSanctions sanctions;
    private final CommentDecisions decisions;
    private final Event<AppealDecided> decided;
    private final int appealDays;

    Appeals(Clock clock, AuditLog audit, UserSanctions sanctions, CommentDecisions decisions, Event<AppealDecided> decided,
            TribuneConfig config) {
        this.clock = clock;
        this.audit = audit;
        this.sanctions = sanctions;
        this.decisions = decisions;
        this.decided = decided;
        this.appealDays = config.moderation().appealDays();
    }

    /** The last day to appeal against a sanction imposed at {@code imposedAt}. */
    public Instant deadline(Instant imposedAt) {
        return imposedAt.plus(Duration.ofDays(appealDays));
    }

    public boolean mayStillAppeal(ModerationAction sanction) {
        return APPEALABLE.containsKey(sanction.action) && clock.instant().isBefore(deadline(sanction.createdAt));
    }

    /** Files the user's appeal against one of their own sanctions; someone else's sanction is not found. */
    public Appeal file(User user, long actionId, String text) {
        ModerationAction sanction = ModerationAction.<ModerationAction>findByIdOptional(actionId)
                .filter(a -> a.targetUser != null && a.targetUser.id.equals(user.id) && APPEALABLE.containsKey(a.action))
                .orElseThrow(() -> ModerationRefused.notFound("There is no such decision about you."));
        String body = text == null ? "" : text.strip();
        if (body.isEmpty()) {
            throw ModerationRefused.invalid("Please say why you think this decision was wrong.");
        }
        if (body.length() > MAX_LENGTH) {
            throw ModerationRefused.invalid("An appeal is at most 2,000 characters; yours has " + body.length() + ".");
        }
        // one appeal per sanction even when the form is sent twice at once
        Appeal.getEntityManager().createNativeQuery("select pg_advisory_xact_lock(?1)")
                .setParameter(1, 1_400_000_000_000L + actionId).getSingleResult();
        Optional<Appeal> earlier = Appeal.find("action.id", actionId).firstResultOptional();
        if (earlier.isPresent()) {
            throw ModerationRefused.conflict("You have already appealed against this decision, on "
                    + Texts.date(earlier.get().createdAt) + ". Each decision can be appealed once.");
        }
        if (!clock.instant().isBefore(deadline(sanction.createdAt))) {
            throw ModerationRefused.conflict("The " + appealDays + " days to appeal against this decision ended on "
                    + Texts.date(deadline(sanction.createdAt)) + ".");
        }
        Appeal appeal = new Appeal();
        appeal.action = sanction;
        appeal.user = user;
        appeal.body = body;
        appeal.createdAt = clock.instant();
        appeal.persist();
        audit.record(user, Type.APPEAL, user, sanction.targetComment, sanction.action.name().toLowerCase(),
                "Appeal against the " + APPEALABLE.get(sanction.action) + " of " + Texts.date(sanction.createdAt),
                null, "appeal " + appeal.id + " open");
        return appeal;
    }

    /**
     * Upholds (a reason is required) or reverses an appeal. Reversing a removal restores the comment and withdraws
     * its strike; a strike is withdrawn; a suspension or de-registration ends, and the user's active strikes are
     * withdrawn unless {@code keepStrikes}.
     */
    public Appeal decide(User moderator, long appealId, boolean reverse, String reason, boolean keepStrikes) {
        Guard.requireModerator(moderator);
        Appeal appeal = Appeal.<Appeal>findByIdOptional(appealId)
                .orElseThrow(() -> ModerationRefused.notFound("There is no appeal " + appealId + "."));
        Guard.requireMayActOn(moderator, appeal.user);
        if (!appeal.isOpen()) {
            throw ModerationRefused.conflict("This appeal was already decided.");
        }
        if (isOwnDecision(moderator, appeal) && anotherModeratorThan(moderator)) {
            throw ModerationRefused.forbidden("You imposed this sanction: another moderator decides the appeal against it.");
        }
        String why = reason == null || reason.isBlank() ? null : UserSanctions.requireReason(reason);
        if (!reverse && why == null) {
            throw ModerationRefused.invalid("Please give the reason for upholding the decision: the user is told it.");
        }
        if (reverse) {
            reverse(moderator, appeal, why == null ? "reversed on appeal" : "reversed on appeal: " + why, keepStrikes);
        }
        appeal.outcome = reverse ? Appeal.Outcome.REVERSED : Appeal.Outcome.UPHELD;
        appeal.decidedAt = clock.instant();
        appeal.decider = moderator;
        appeal.decisionReason = why;
        String sanction = APPEALABLE.get(appeal.action.action);
        audit.record(moderator, reverse ? Type.APPEAL_REVERSED : Type.APPEAL_UPHELD, appeal.user, appeal.action.targetComment,
                appeal.action.action.name().toLowerCase(), why, "appeal " + appeal.id + " open",
                "appeal " + appeal.id + " " + appeal.outcome.name().toLowerCase()
                        + (reverse && isAccountSanction(appeal) ? (keepStrikes ? ", strikes kept" : ", strikes withdrawn") : ""));
        // the user is told in the site and by email by the notifications feature, which observes this event
        decided.fire(new AppealDecided(appeal.id, appeal.user.id, sanction, reverse, why));
        return appeal;
    }

    private void reverse(User moderator, Appeal appeal, String why, boolean keepStrikes) {
        ModerationAction sanction = appeal.action;
        User user = appeal.user;
        switch (sanction.action) {
            case REMOVE -> {
                if (sanction.targetComment != null && sanction.targetComment.status == CommentStatus.REMOVED) {
                    decisions.restore(moderator, sanction.targetComment.id, why);
                }
            }
            case STRIKE -> Strike.<Strike>find("user = ?1 and comment = ?2 and revokedAt is null", user, sanction.targetComment)
                    .firstResultOptional().ifPresent(s -> sanctions.withdrawStrike(moderator, s, why));
            case SUSPEND, DEREGISTER -> {
                if (!keepStrikes) {
                    Instant now = clock.instant();
                    for (Strike s : Strike.<Strike>list("user = ?1 and revokedAt is null and expiresAt > ?2", user, now)) {
                        sanctions.withdrawStrike(moderator, s, why);
                    }
                }
                if (user.status == (sanction.action == Type.SUSPEND ? UserStatus.SUSPENDED : UserStatus.DEREGISTERED)) {
                    sanctions.restoreAccount(moderator, user, why);
                }
            }
            default -> throw new IllegalStateException("not appealable: " + sanction.action);
        }
    }

    private static boolean isAccountSanction(Appeal appeal) {
        return appeal.action.action == Type.SUSPEND || appeal.action.action == Type.DEREGISTER;
    }

    static boolean isOwnDecision(User moderator, Appeal appeal) {
        return appeal.action.moderator != null && appeal.action.moderator.id.equals(moderator.id);
    }

    /** Whether an active moderator or admin other than this one exists (who can take the appeals against their decisions). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean anotherModeratorThan(User moderator) {
        return User.count("id <> ?1 and status = ?2 and (roles like '%moderator%' or roles like '%admin%')", moderator.id,
                UserStatus.ACTIVE) > 0;
    }

    /** The open appeals this moderator may decide, oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Appeal> openFor(User moderator) {
        List<Appeal> open = Appeal.<Appeal>find("select p from Appeal p join fetch p.action a left join fetch a.moderator "
                + "left join fetch a.targetComment join fetch p.user where p.outcome is null order by p.createdAt, p.id").list();
        if (!anotherModeratorThan(moderator)) {
            return open;
        }
        return open.stream().filter(p -> !isOwnDecision(moderator, p)).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long openCount() {
        return Appeal.count("outcome is null");
    }
}
