package io.tribune.moderation;

import java.time.Instant;

/**
 * A sanction on an account, fired in the transaction that applies it: a strike (with the comment it was given for),
 * a suspension (until when), a de-registration or a reinstatement. {@code moderatorId} is null when the policy
 * applied it by itself (strikes adding up). A removal that gives a strike and a suspension fires its
 * {@link CommentDecided} and both of these in one transaction.
 */
public record SanctionApplied(long userId, Long moderatorId, Kind kind, String reason, Long commentId, Instant until,
        long activeStrikes) {

    public enum Kind {
        STRIKE, SUSPENSION, DEREGISTRATION, REINSTATEMENT;

        /** Whether it changes what the account may do, so that the user is always told by email. */
        public boolean changesAccess() {
            return this != STRIKE;
        }
    }
}
