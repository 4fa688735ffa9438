package io.tribune.moderation;

import java.util.ArrayList;
import java.util.List;

import io.tribune.moderation.ModerationAction.Type;

/** The audit log in plain words: "moddy removed comment #12 by @alice", with links to the people and the comment. */
public final class AuditWords {

    /** A piece of a sentence; a link when {@code href} is set. */
    public record Part(String text, String href) {
    }

    private AuditWords() {
    }

    /** How an action is named in the filter and the CSV. */
    static String label(Type type) {
        return switch (type) {
            case REPORT_THRESHOLD -> "Hidden after reports";
            case APPROVE -> "Approval";
            case REMOVE -> "Removal";
            case RESTORE -> "Restoration";
            case STRIKE -> "Strike";
            case STRIKE_WITHDRAWN -> "Strike withdrawn";
            case SUSPEND -> "Suspension";
            case SUSPENSION_ENDED -> "Suspension ended";
            case DEREGISTER -> "De-registration";
            case REINSTATE -> "Reinstatement";
            case ALWAYS_HOLD_ON -> "Always hold: on";
            case ALWAYS_HOLD_OFF -> "Always hold: off";
            case NOTE -> "Private note";
            case GRANT_ROLE -> "Role granted";
            case REVOKE_ROLE -> "Role revoked";
            case WORD_ADD -> "Word listed";
            case WORD_REMOVE -> "Word unlisted";
            case COMMENTS_CLOSED -> "Comments closed";
            case COMMENTS_OPENED -> "Comments reopened";
            case APPEAL -> "Appeal filed";
            case APPEAL_UPHELD -> "Appeal upheld";
            case APPEAL_REVERSED -> "Appeal reversed";
            case SLOW_MODE -> "Slow mode";
            case FEATURE -> "Featured";
            case UNFEATURE -> "Unfeatured";
        };
    }

    static List<Part> sentence(ModerationAction a) {
        List<Part> p = new ArrayList<>();
        String who = a.moderator == null ? null : a.moderator.username;
        p.add(who == null ? text("The system") : new Part("@" + who, "/admin/users/" + who));
        Part user = a.targetUser == null ? text("someone") : new Part("@" + a.targetUser.username, "/admin/users/" + a.targetUser.username);
        Part comment = a.targetComment == null ? text("a comment") : new Part("comment #" + a.targetComment.id, "/comments/" + a.targetComment.id);
        String reason = ReportReason.parse(a.reasonCode).map(r -> " as " + r.label.toLowerCase()).orElse("");
        switch (a.action) {
            case REPORT_THRESHOLD -> add(p, " hid ", comment, " by ", user, " until a moderator decides");
            case APPROVE -> add(p, " approved ", comment, " by ", user);
            case REMOVE -> add(p, " removed ", comment, " by ", user, reason);
            case RESTORE -> add(p, " restored ", comment, " by ", user);
            case STRIKE -> add(p, " gave ", user, " a strike for ", comment, reason);
            case STRIKE_WITHDRAWN -> add(p, " withdrew the strike ", user, " had for ", comment);
            case SUSPEND -> add(p, " suspended ", user, UserSanctions.AUTOMATIC.equals(a.reasonCode) ? " (automatically, for strikes)" : "");
            case SUSPENSION_ENDED -> add(p, " ended the suspension of ", user, " (its time was up)");
            case DEREGISTER -> add(p, " de-registered ", user, UserSanctions.AUTOMATIC.equals(a.reasonCode) ? " (automatically, for strikes)" : "");
            case REINSTATE -> add(p, " reinstated ", user, UserSanctions.AUTOMATIC.equals(a.reasonCode) ? " (a strike behind the sanction was withdrawn)" : "");
            case ALWAYS_HOLD_ON -> add(p, " began holding every comment of ", user, " for review");
            case ALWAYS_HOLD_OFF -> add(p, " stopped holding every comment of ", user);
            case NOTE -> add(p, " wrote a private note about ", user);
            case GRANT_ROLE -> add(p, " made ", user, " " + article(a.reasonCode));
            case REVOKE_ROLE -> add(p, " took the " + a.reasonCode + " role from ", user);
            case WORD_ADD -> add(p, " listed a " + lower(a.reasonCode) + " word");
            case WORD_REMOVE -> add(p, " unlisted a " + lower(a.reasonCode) + " word");
            case COMMENTS_CLOSED -> add(p, " closed the comments (" + nullToEmpty(a.afterState) + ")");
            case COMMENTS_OPENED -> add(p, " reopened the comments (" + nullToEmpty(a.afterState) + ")");
            case APPEAL -> add(p, " appealed against " + sanction(a.reasonCode));
            case APPEAL_UPHELD -> add(p, " upheld the appeal of ", user, " against " + sanction(a.reasonCode));
            case APPEAL_REVERSED -> add(p, " reversed, on appeal by ", user, ", " + sanction(a.reasonCode));
            case SLOW_MODE -> add(p, " set " + nullToEmpty(a.afterState) + " (it was " + nullToEmpty(a.beforeState) + ")");
            case FEATURE -> add(p, " featured ", comment, " by ", user);
            case UNFEATURE -> add(p, " stopped featuring ", comment, " by ", user);
        }
        return p;
    }

    /** The sentence as text, starting with the actor's bare name (a leading "@" would read as a formula in a spreadsheet). */
    static String plain(List<Part> parts) {
        StringBuilder s = new StringBuilder();
        parts.forEach(part -> s.append(part.text()));
        return s.charAt(0) == '@' ? s.substring(1) : s.toString();
    }

    private static void add(List<Part> p, Object... pieces) {
        for (Object o : pieces) {
            p.add(o instanceof Part part ? part : text((String) o));
        }
    }

    private static Part text(String s) {
        return new Part(s, null);
    }

    private static String sanction(String code) {
        if (code == null) {
            return "a decision";
        }
        return switch (code) {
            case "remove" -> "a removal";
            case "strike" -> "a strike";
            case "suspend" -> "a suspension";
            case "deregister" -> "a de-registration";
            default -> "a decision";
        };
    }

    private static String article(String role) {
        return role == null ? "staff" : (role.startsWith("e") ? "an " : "a ") + role;
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
