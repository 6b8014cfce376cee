package dev.cutover.framework.source;

import java.util.concurrent.ThreadLocalRandom;

import org.jboss.logging.Logger;

import io.smallrye.faulttolerance.api.CustomBackoffStrategy;

/**
 * Exponential backoff with jitter that never waits less than the source's {@code Retry-After} and
 * never past the page deadline (a {@code Retry-After} beyond it already failed the page, see
 * {@link GuardedRequest}). SmallRye's built-in exponential backoff cannot see the failed answer,
 * hence this strategy. One instance per guarded call (it counts that call's attempts); each wait is
 * logged, so a run that waits says what it waits for.
 */
final class RetryAfterBackoff implements CustomBackoffStrategy {

    private static final Logger LOG = Logger.getLogger(RetryAfterBackoff.class);

    private final long maxDelayMillis;
    private final PageDeadline deadline;
    private final String what;
    private final int maxAttempts;
    private long nextBase;
    private int attempt = 1;

    /** @param what the page, as messages name it ({@code source s1, first page}) */
    RetryAfterBackoff(long maxDelayMillis, PageDeadline deadline, String what, int maxAttempts) {
        this.maxDelayMillis = maxDelayMillis;
        this.deadline = deadline;
        this.what = what;
        this.maxAttempts = maxAttempts;
    }

    @Override
    public void init(long initialDelayInMillis) {
        nextBase = Math.max(1, initialDelayInMillis);
    }

    @Override
    public long nextDelayInMillis(Throwable cause) {
        long base = Math.min(nextBase, maxDelayMillis);
        // doubled without wrapping around: max-backoff and max-attempts are configuration
        nextBase = nextBase > maxDelayMillis / 2 ? maxDelayMillis : nextBase * 2;
        // "equal jitter": half fixed, half random, so concurrent partitions spread their retries
        long delay = base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1);
        long retryAfter = cause instanceof TransientSourceError t ? t.retryAfterMillis() : 0;
        long wait = Math.min(Math.max(delay, retryAfter), deadline.remainingMillis());
        attempt++;
        LOG.infof("%s: %s; attempt %d of %d in %.1f s%s", what, GuardedRequest.describe(cause), attempt, maxAttempts,
                wait / 1000.0, retryAfter > 0 ? " (Retry-After)" : "");
        return wait;
    }
}
