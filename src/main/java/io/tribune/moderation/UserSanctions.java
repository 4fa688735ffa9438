package io.tribune.moderation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.tribune.account.User;
import io.tribune.account.UserStatus;
import io.tribune.comment.Comment;
import io.tribune.comment.CommentModeration;
import io.tribune.comment.CommentStatus;
import io.tribune.config.TribuneConfig;
import io.tribune.moderation.ModerationAction.Type;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

/** Strikes and what they lead to, and the direct actions on accounts: suspend, de-register, reinstate, hold. */
@ApplicationScoped
@Transactional
public class UserSanctions {

    private final TribuneConfig.Moderation rules;
    private final Clock clock;
    private final AuditLog audit;
    private final Event<SanctionApplied> sanctions;
    private final CommentModeration comments;

    UserSanctions(TribuneConfig config, Clock clock, AuditLog audit, Event<SanctionApplied> sanctions,
            CommentModeration comments) {
        this.rules = config.moderation();
        this.clock = clock;
        this.audit = audit;
        this.sanctions = sanctions;
        this.comments = comments;
    }

    public User find(String username) {
        return User.findByUsername(username).orElseThrow(() -> ModerationRefused.notFound("No user called " + username + "."));
    }

    /** Gives a strike for a removed comment, then suspends or de-registers when the policy says so. */
    @Transactional(Transactional.TxType.MANDATORY)
    void strike(User actor, User author, Comment comment, ReportReason reason) {
        Instant now = clock.instant();
        Strike s = new Strike();
        s.user = author;
        s.comment = comment;
        s.reason = reason;
        s.createdAt = now;
        s.expiresAt = now.plus(Duration.ofDays(rules.strikeExpiryDays()));
        s.persist();
        long active = Strike.countActive(author, now);
        audit.record(actor, Type.STRIKE, author, comment, reason.code, reason.label,
                "active strikes " + (active - 1), "active strikes " + active);
        sanctions.fire(new SanctionApplied(author.id, actor == null ? null : actor.id, SanctionApplied.Kind.STRIKE,
                reason.label, comment.id, s.expiresAt, active));
        String why = active + " active strikes under the comment policy";
        if (active >= rules.strikesToDeregister()) {
            applyDeregistration(actor, author, strikeGround(author, now), AUTOMATIC);
        } else if (active >= rules.strikesToSuspend()) {
            applySuspension(actor, author, rules.suspensionDays(), strikeGround(author, now), AUTOMATIC);
        }
    }

    /** The real ground of an automatic sanction, e.g. "3 active strikes under the comment policy: abusive, spam". */
    private static String strikeGround(User user, Instant now) {
        List<Strike> active = Strike.list("user = ?1 and revokedAt is null and expiresAt > ?2 order by createdAt", user, now);
        return active.size() + " active strikes under the comment policy, for comments removed as "
                + String.join(", ", active.stream().map(s -> s.reason.label.toLowerCase()).toList());
    }

    /**
     * Takes a strike back (its removal was reversed) and lifts the automatic suspension or de-registration it
     * caused when no other ground remains. Logged; the user is told.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void withdrawStrike(User actor, Strike strike, String why) {
        if (strike.revokedAt != null) {
            return;
        }
        Instant now = clock.instant();
        long before = Strike.countActive(strike.user, now);
        strike.revokedAt = now;
        audit.record(actor, Type.STRIKE_WITHDRAWN, strike.user, strike.comment, strike.reason.code, why,
                "active strikes " + before, "active strikes " + Strike.countActive(strike.user, now));
        liftIfGroundless(actor, strike.user, why);
    }

    /** Ends an automatic sanction of the user whose strikes no longer reach its threshold. */
    @Transactional(Transactional.TxType.MANDATORY)
    void liftIfGroundless(User actor, User user, String why) {
        if (!user.isSanctioned()) {
            return;
        }
        ModerationAction last = ModerationAction.<ModerationAction>find("targetUser = ?1 and action in ?2 order by createdAt desc, id desc",
                user, List.of(Type.SUSPEND, Type.DEREGISTER)).firstResult();
        if (last == null || !AUTOMATIC.equals(last.reasonCode)) {
            return; // a moderator's own decision: only an appeal or an admin ends it
        }
        Instant now = clock.instant();
        long active = Strike.countActive(user, now);
        String before = state(user);
        if (user.status == UserStatus.DEREGISTERED && active < rules.strikesToDeregister()) {
            BlockedIdentity.delete("userId", user.id);
            user.deregisteredReason = null;
            Instant suspensionEnd = last.createdAt.plus(Duration.ofDays(rules.suspensionDays()));
            if (active >= rules.strikesToSuspend() && suspensionEnd.isAfter(now)) {
                user.status = UserStatus.SUSPENDED;
                user.suspendedUntil = suspensionEnd;
                user.suspensionReason = strikeGround(user, now);
            } else {
                user.status = UserStatus.ACTIVE;
            }
        } else if (user.status == UserStatus.SUSPENDED && active < rules.strikesToSuspend()) {
            user.status = UserStatus.ACTIVE;
            user.suspendedUntil = null;
            user.suspensionReason = null;
        } else {
            return;
        }
        audit.record(actor, Type.REINSTATE, user, null, AUTOMATIC, "The strikes behind the sanction no longer reach its "
                + "threshold: " + why, before, state(user));
        sanctions.fire(new SanctionApplied(user.id, actor == null ? null : actor.id, SanctionApplied.Kind.REINSTATEMENT,
                "A strike of yours was withdrawn (" + why + "), so the sanction it caused no longer stands."
                        + (user.status == UserStatus.ACTIVE ? "" : " Your account stays suspended until "
                                + Texts.dateTime(user.suspendedUntil) + ", as your remaining strikes give."),
                null, user.suspendedUntil, active));
    }

    public User suspend(User actor, String username, Integer days, String reason) {
        User target = find(username);
        Guard.requireMayActOn(actor, target);
        int length = days == null ? rules.suspensionDays() : days;
        if (length < 1 || length > 3650) {
            throw ModerationRefused.invalid("A suspension lasts from 1 to 3650 days.");
        }
        applySuspension(actor, target, length, "decision of a moderator: " + requireReason(reason), null);
        return target;
    }

    public User deregister(User actor, String username, String reason) {
        User target = find(username);
        Guard.requireMayActOn(actor, target);
        applyDeregistration(actor, target, "decision of a moderator: " + requireReason(reason), null);
        return target;
    }

    /** Admins only: back to ACTIVE, the suspension lifted and the identity free to use again. */
    public User reinstate(User actor, String username, String reason) {
        Guard.requireAdmin(actor);
        User target = find(username);
        Guard.requireMayActOn(actor, target);
        if (target.status != UserStatus.SUSPENDED && target.status != UserStatus.DEREGISTERED) {
            throw ModerationRefused.conflict(target.username + " is not suspended or de-registered.");
        }
        restoreAccount(actor, target, requireReason(reason));
        return target;
    }

    /** Back to ACTIVE (an admin's reinstatement, or an appeal reversed), logged and told. */
    @Transactional(Transactional.TxType.MANDATORY)
    void restoreAccount(User actor, User target, String why) {
        String before = state(target);
        target.status = UserStatus.ACTIVE;
        target.suspendedUntil = null;
        target.suspensionReason = null;
        target.deregisteredReason = null;
        BlockedIdentity.delete("userId", target.id);
        audit.record(actor, Type.REINSTATE, target, null, null, why, before, state(target));
        sanctions.fire(new SanctionApplied(target.id, actor.id, SanctionApplied.Kind.REINSTATEMENT, why, null, null,
                Strike.countActive(target, clock.instant())));
    }

    public User alwaysHold(User actor, String username, boolean on, String reason) {
        User target = find(username);
        Guard.requireMayActOn(actor, target);
        if (target.alwaysHold != on) {
            target.alwaysHold = on;
            audit.record(actor, on ? Type.ALWAYS_HOLD_ON : Type.ALWAYS_HOLD_OFF, target, null, null, reason,
                    "always hold " + !on, "always hold " + on);
        }
        return target;
    }

    public ModeratorNote addNote(User actor, String username, String body) {
        Guard.requireModerator(actor);
        User target = find(username);
        String text = body == null ? "" : body.strip();
        if (text.isEmpty() || text.length() > 2000) {
            throw ModerationRefused.invalid("A note is 1 to 2000 characters.");
        }
        ModeratorNote n = new ModeratorNote();
        n.user = target;
        n.author = actor;
        n.body = text;
        n.createdAt = clock.instant();
        n.persist();
        audit.record(actor, Type.NOTE, target, null, null, AuditLog.truncate(text, 200), null, null);
        return n;
    }

    /** Admins only: grant or revoke the moderator or editor role. */
    public User setRole(User actor, String username, String role, boolean grant) {
        Guard.requireAdmin(actor);
        if (!"moderator".equals(role) && !"editor".equals(role)) {
            throw ModerationRefused.invalid("Only the moderator and editor roles can be granted here.");
        }
        User target = find(username);
        if (target.hasRole(role) == grant) {
            return target;
        }
        String before = target.roles;
        List<String> roles = new java.util.ArrayList<>(List.of(target.roles.split(",")));
        roles.replaceAll(String::trim);
        if (grant) {
            roles.add(role);
        } else {
            roles.remove(role);
        }
        target.roles = String.join(",", roles);
        audit.record(actor, grant ? Type.GRANT_ROLE : Type.REVOKE_ROLE, target, null, role, null, before, target.roles);
        return target;
    }

    /**
     * Ends the suspensions whose time is up; run by {@link SuspensionExpiry}. One UPDATE ... RETURNING, so two
     * instances running it at once never end the same suspension twice. Returns how many ended.
     */
    public int liftExpiredSuspensions() {
        @SuppressWarnings("unchecked")
        List<Object[]> ended = User.getEntityManager().createNativeQuery("update app_user set status = 'ACTIVE', "
                + "suspended_until = null, suspension_reason = null where status = 'SUSPENDED' and suspended_until <= ?1 "
                + "returning id, suspended_until, session_generation")
                .setParameter(1, clock.instant()).getResultList();
        for (Object[] row : ended) {
            User u = User.findById(((Number) row[0]).longValue());
            audit.record(null, Type.SUSPENSION_ENDED, u, null, null, "The suspension ended",
                    "status SUSPENDED", "status ACTIVE");
        }
        return ended.size();
    }

    /** The reason code of the audit rows of sanctions the strike policy imposed (rather than a moderator). */
    static final String AUTOMATIC = "strikes";

    private void applySuspension(User actor, User target, int days, String reason, String reasonCode) {
        if (target.status == UserStatus.DEREGISTERED || target.status == UserStatus.DELETED) {
            throw ModerationRefused.conflict(target.username + " is " + target.status.name().toLowerCase() + ".");
        }
        Instant until = clock.instant().plus(Duration.ofDays(days));
        if (target.suspendedUntil != null && target.suspendedUntil.isAfter(until)) {
            until = target.suspendedUntil;
        }
        String before = state(target);
        target.status = UserStatus.SUSPENDED;
        target.suspendedUntil = until;
        target.suspensionReason = AuditLog.truncate(reason, 1000);
        audit.record(actor, Type.SUSPEND, target, null, reasonCode, reason, before, state(target));
        sanctions.fire(new SanctionApplied(target.id, actor == null ? null : actor.id, SanctionApplied.Kind.SUSPENSION,
                reason, null, until, Strike.countActive(target, clock.instant())));
    }

    private void applyDeregistration(User actor, User target, String reason, String reasonCode) {
        if (target.status == UserStatus.DEREGISTERED) {
            throw ModerationRefused.conflict(target.username + " is already de-registered.");
        }
        String before = state(target);
        target.status = UserStatus.DEREGISTERED;
        target.deregisteredReason = AuditLog.truncate(reason, 500);
        target.suspendedUntil = null;
        target.suspensionReason = null;
        target.sessionGeneration++; // ends every session at once
        block(BlockedIdentity.USERNAME, target.username, target);
        if (target.email != null) {
            block(BlockedIdentity.EMAIL, target.email, target);
        }
        if (rules.removeCommentsOnDeregistration()) {
            List<Comment> visible = Comment.list("author = ?1 and status in ?2", target,
                    List.of(CommentStatus.VISIBLE, CommentStatus.PENDING));
            for (Comment c : visible) {
                CommentStatus was = comments.setStatus(c, CommentStatus.REMOVED);
                audit.record(actor, Type.REMOVE, target, c, null, "Account de-registered", "status " + was, "status REMOVED");
            }
        }
        audit.record(actor, Type.DEREGISTER, target, null, reasonCode, reason, before, state(target));
        sanctions.fire(new SanctionApplied(target.id, actor == null ? null : actor.id,
                SanctionApplied.Kind.DEREGISTRATION, reason, null, null, Strike.countActive(target, clock.instant())));
    }

    private void block(String kind, String value, User user) {
        String v = BlockedIdentity.normalize(value);
        if (BlockedIdentity.count("kind = ?1 and value = ?2", kind, v) == 0) {
            BlockedIdentity b = new BlockedIdentity();
            b.kind = kind;
            b.value = v;
            b.userId = user.id;
            b.createdAt = clock.instant();
            b.persist();
        }
    }

    static String state(User u) {
        return "status " + u.status + (u.suspendedUntil == null ? "" : ", suspended until " + u.suspendedUntil)
                + ", sessions " + u.sessionGeneration;
    }

    static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw ModerationRefused.invalid("Please give a reason.");
        }
        if (reason.length() > 1000) {
            throw ModerationRefused.invalid("The reason is at most 1000 characters.");
        }
        return reason.strip();
    }
}
