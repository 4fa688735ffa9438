package io.tribune.replica;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Reading from a PostgreSQL streaming replica, the optional datasource {@code replica}
 * ({@code quarkus.datasource.replica.jdbc.url}); without that URL everything reads from the primary.
 */
@ConfigMapping(prefix = "tribune.replica")
public interface ReplicaSettings {

    /** A replica whose replay is further behind than this is skipped until it catches up. */
    @WithDefault("10S")
    Duration maxLag();

    /**
     * After a logged-in user's write, their reads go to the primary until the replica has replayed that write, or
     * for at most this long (a signed cookie carries the primary's WAL position).
     */
    @WithDefault("10S")
    Duration ownWritesFor();

    /** How often the replica's state is read in the background (for health, and to notice it is back). */
    @WithDefault("1S")
    Duration checkEvery();

    /** The cookie that remembers a logged-in user's last write. */
    @WithDefault("tribune-wrote")
    String cookie();
}
