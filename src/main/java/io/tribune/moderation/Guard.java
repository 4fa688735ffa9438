package io.tribune.moderation;

import io.tribune.account.User;

/** Who may act on whom; the services call these so that every route is checked the same way. */
final class Guard {

    private Guard() {
    }

    static void requireModerator(User actor) {
        if (actor == null || !(actor.hasRole("moderator") || actor.hasRole("admin"))) {
            throw ModerationRefused.forbidden("Only moderators can do that.");
        }
    }

    static void requireAdmin(User actor) {
        if (actor == null || !actor.hasRole("admin")) {
            throw ModerationRefused.forbidden("Only an admin can do that.");
        }
    }

    /** A moderator cannot act on an admin or on themselves (an admin neither on themselves). */
    static void requireMayActOn(User actor, User target) {
        requireModerator(actor);
        if (actor.id.equals(target.id)) {
            throw ModerationRefused.forbidden("You cannot take moderation action on yourself.");
        }
        if (target.hasRole("admin") && !actor.hasRole("admin")) {
            throw ModerationRefused.forbidden("A moderator cannot take action on an admin.");
        }
    }
}
