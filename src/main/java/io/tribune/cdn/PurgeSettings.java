package io.tribune.cdn;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The optional purge hook: a shared cache told which pages changed ({@link PurgeHook}). */
@ConfigMapping(prefix = "tribune.purge")
public interface PurgeSettings {

    /** Where to send purges (e.g. Varnish: {@code http://varnish:6081/}); none: no purges. */
    Optional<URI> url();

    /** The request method: Varnish's usual VCL takes {@code PURGE}. */
    @WithDefault("PURGE")
    String method();

    /** The header carrying the space-separated surrogate keys (the xkey vmod reads {@code xkey}). */
    @WithDefault("xkey")
    String header();

    /** Changes within this long are purged together, in one request. */
    @WithDefault("100MS")
    Duration batch();
}
