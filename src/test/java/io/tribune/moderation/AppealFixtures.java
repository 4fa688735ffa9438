package io.tribune.moderation;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.tribune.account.User;

/** Look-ups for tests outside this package that exercise appeals. */
public final class AppealFixtures {

    private AppealFixtures() {
    }

    public static User user(String username) {
        return QuarkusTransaction.requiringNew().call(() -> User.findByUsername(username).orElseThrow());
    }

    public static long latestRemovalOf(String username) {
        return QuarkusTransaction.requiringNew().call(() -> ModerationAction.<ModerationAction>find(
                "targetUser.username = ?1 and action = ?2 order by id desc", username, ModerationAction.Type.REMOVE)
                .firstResult().id);
    }

    public static long appealOn(long actionId) {
        return QuarkusTransaction.requiringNew().call(() -> Appeal.<Appeal>find("action.id", actionId).firstResult().id);
    }
}
