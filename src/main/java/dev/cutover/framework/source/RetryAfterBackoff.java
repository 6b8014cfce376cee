package dev.cutover.framework.source;

import java.util.concurrent.ThreadLocalRandom;

import io.smallrye.faulttolerance.api.CustomBackoffStrategy;

/**
 * Exponential backoff with jitter that never waits less than the source's {@code Retry-After}.
 * SmallRye's built-in exponential backoff cannot see the failed answer, hence this strategy.
 * One instance per guarded call (it counts that call's attempts).
 */
final class RetryAfterBackoff implements CustomBackoffStrategy {

    private final long maxDelayMillis;
    private long nextBase;

    RetryAfterBackoff(long maxDelayMillis) {
        this.maxDelayMillis = maxDelayMillis;
    }

    @Override
    public void init(long initialDelayInMillis) {
        nextBase = Math.max(1, initialDelayInMillis);
    }

    @Override
    public long nextDelayInMillis(Throwable cause) {
        long base = Math.min(nextBase, maxDelayMillis);
        nextBase = Math.min(nextBase * 2, maxDelayMillis);
        // "equal jitter": half fixed, half random, so concurrent partitions spread their retries
        long delay = base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1);
        long retryAfter = cause instanceof TransientSourceError t ? t.retryAfterMillis() : 0;
        return Math.max(delay, retryAfter);
    }
}
