package io.tribune.moderation;

/**
 * Fired in the transaction that decides an appeal, so that the user can be told (notifications observe it).
 * {@code sanction} is what was appealed: "removal", "strike", "suspension" or "de-registration".
 */
public record AppealDecided(long appealId, long userId, String sanction, boolean reversed, String reason) {
}
