package io.tribune.support;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code tribune.supporters.*}: the payment provider's webhook secret and checkout page, both optional. */
@ConfigMapping(prefix = "tribune.supporters")
public interface SupportConfig {

    /** HMAC-SHA256 key shared with the payment provider; without it the webhook answers 404. */
    Optional<String> webhookSecret();

    /** How old a signed event may be (its {@code t=}); older ones are refused as replays. */
    @WithDefault("5M")
    Duration webhookTolerance();

    /** The provider's checkout page that /support links to (a plain link: no script of theirs in the site). */
    Optional<String> checkoutUrl();
}
