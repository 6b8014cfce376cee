package dev.cutover.ops.lease;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long a lease lasts without renewal, and how often a running execution renews it. */
@ConfigMapping(prefix = "cutover.lease")
public interface LeaseConfig {

    /** A crashed execution can be taken over this long after its last renewal. */
    @WithDefault("30s")
    Duration ttl();

    /** Heartbeat period (also renewed by every chunk commit). */
    @WithDefault("10s")
    Duration renewEvery();
}
