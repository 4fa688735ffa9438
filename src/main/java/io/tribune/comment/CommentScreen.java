package io.tribune.comment;

import io.tribune.account.User;

/**
 * Screens a comment before it is stored. Implemented outside this package (moderation: blocked and suspect words,
 * pre-moderation of new accounts); every CDI bean implementing it is asked, and the strictest verdict wins.
 */
public interface CommentScreen {

    Verdict screen(User author, String body);

    enum Outcome {
        PUBLISH, HOLD, REFUSE
    }

    /** {@code message} is shown to the author when the comment is refused or held. */
    record Verdict(Outcome outcome, String message) {

        public static final Verdict PUBLISH = new Verdict(Outcome.PUBLISH, null);

        public static Verdict hold(String message) {
            return new Verdict(Outcome.HOLD, message);
        }

        public static Verdict refuse(String message) {
            return new Verdict(Outcome.REFUSE, message);
        }
    }
}
