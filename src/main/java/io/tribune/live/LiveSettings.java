package io.tribune.live;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The live conversation streams, {@code GET /articles/{slug}/live} (docs/live.md). */
@ConfigMapping(prefix = "tribune.live")
public interface LiveSettings {

    /** Off: the route answers 404 and article pages load no live script. */
    @WithDefault("true")
    boolean enabled();

    /** Open streams this instance holds at most; past it a new one gets 503 with {@code Retry-After}. */
    @WithDefault("10000")
    int maxConnections();

    /** Open streams one client address holds at most on this instance. */
    @WithDefault("8")
    int maxPerIp();

    /** The {@code Retry-After} sent with a 503, and the reconnection delay proposed to clients. */
    @WithDefault("15S")
    Duration retryAfter();

    /** A comment line sent on every stream this often, so proxies and browsers keep it open. */
    @WithDefault("25S")
    Duration heartbeat();

    /** Vote changes on one comment within this window go out as one {@code votes} event with the final count. */
    @WithDefault("1S")
    Duration voteWindow();

    /** Events kept per article for clients resuming with {@code Last-Event-ID}. */
    @WithDefault("200")
    int buffer();

    /** An article nobody streams from any more keeps its events this long, for clients coming back. */
    @WithDefault("10M")
    Duration keepIdle();

    /** The page loads the live script while comments are open, or while the last comment is this recent. */
    @WithDefault("24H")
    Duration recentActivity();
}
