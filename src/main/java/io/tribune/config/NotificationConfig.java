package io.tribune.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code tribune.notifications.*} and {@code tribune.mail.*}: notices in the site and the mail outbox. */
@ConfigMapping(prefix = "tribune")
public interface NotificationConfig {

    Notifications notifications();

    Mail mail();

    interface Notifications {
        /** Notices older than this many days are deleted. */
        @WithDefault("90")
        int retentionDays();

        /** With JavaScript, how often the header's unread count is refreshed, in seconds. */
        @WithDefault("60")
        int pollSeconds();

        /** Notices per page of /notifications. */
        @WithDefault("30")
        int pageSize();

        /** Replies and mentions to one person within this window are sent as one email. */
        @WithDefault("10M")
        Duration batchWindow();

        /** How often the up-vote notices are made (each comment gets at most one a day). */
        @WithDefault("1h")
        String upvoteDigestEvery();

        /** How long an emailed unsubscribe link works. */
        @WithDefault("90D")
        Duration unsubscribeValidity();

        /**
         * Key (32+ characters) that signs unsubscribe links; empty: derived from the session encryption key, or
         * made at start when there is none (dev and test).
         */
        Optional<String> signingKey();
    }

    interface Mail {
        /** How often each instance sends the emails that are due. */
        @WithDefault("5s")
        String sendEvery();

        /** After a transaction that wrote emails commits, send them at once from that thread too. */
        @WithDefault("true")
        boolean sendAtCommit();

        /** Emails claimed per pass. */
        @WithDefault("50")
        int batchSize();

        /** Wait before the first retry; each further retry waits twice as long, up to max-backoff. */
        @WithDefault("30S")
        Duration firstBackoff();

        @WithDefault("1H")
        Duration maxBackoff();

        /** An email not sent within this long after it was written is marked failed. */
        @WithDefault("24H")
        Duration giveUpAfter();

        /** An email claimed by a sender that has not reported back within this long is tried again. */
        @WithDefault("10M")
        Duration claimTimeout();

        /** Sent emails are kept this many days for the admin page, then deleted. */
        @WithDefault("7")
        int keepSentDays();
    }
}
