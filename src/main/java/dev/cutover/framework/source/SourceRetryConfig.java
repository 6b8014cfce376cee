package dev.cutover.framework.source;

import java.time.Duration;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How Cutover reads sources: page size, retries with backoff, per-request timeout (DESIGN.md §4 defaults). */
@ConfigMapping(prefix = "cutover.source")
public interface SourceRetryConfig {

    /** Items asked for per page ({@code limit}, at most 1000). */
    @WithDefault("1000")
    int pageSize();

    /** Attempts per page, the first included. */
    @WithDefault("8")
    int maxAttempts();

    /** Time budget of one page, retries and waits included. */
    @WithDefault("60s")
    Duration pageDeadline();

    /** Timeout of one HTTP request. */
    @WithDefault("10s")
    Duration requestTimeout();

    /**
     * Largest body read from a source, in bytes ({@code 32M}): a larger one fails the page at once, naming
     * the source and the page, rather than the heap (a page is held as bytes, text and items).
     */
    @WithDefault("32M")
    MemorySize maxBodySize();

    /** First backoff delay; it doubles after each failed attempt, with jitter. */
    @WithDefault("200ms")
    Duration initialBackoff();

    /** Upper bound of one backoff delay (a longer Retry-After still wins). */
    @WithDefault("10s")
    Duration maxBackoff();
}
