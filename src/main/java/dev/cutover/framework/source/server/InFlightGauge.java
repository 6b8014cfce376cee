package dev.cutover.framework.source.server;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the requests a set of {@link LegacySourceServer}s are serving right now and remembers the
 * largest such number since the last {@link #reset()}. Give one gauge to several servers to measure
 * the maximum concurrency across all of them, as Cutover's {@code --concurrency} bounds it.
 *
 * <p>A request is in flight from its arrival until just before its response is written, including
 * any injected delay. Decrementing before the write (not after it) means the gauge can never see a
 * client's next request while the previous answer is still on its way, so its maximum never exceeds
 * what the client really had outstanding. A request whose client gave up stays counted until the
 * server notices the closed connection or the injected delay ends.
 *
 * <p>Thread-safe.
 */
public final class InFlightGauge {

    private final AtomicInteger current = new AtomicInteger();
    private final AtomicInteger max = new AtomicInteger();

    /** Counts one more request in flight. */
    public void enter() {
        int now = current.incrementAndGet();
        max.accumulateAndGet(now, Math::max);
    }

    /** Counts one request fewer in flight; each {@link #enter()} is matched by exactly one call. */
    public void exit() {
        current.decrementAndGet();
    }

    /** @return the number of requests in flight now */
    public int current() {
        return current.get();
    }

    /** @return the largest number of requests that were in flight at once since the last reset */
    public int max() {
        return max.get();
    }

    /** Forgets the maximum: it restarts from the number in flight now. */
    public void reset() {
        max.set(current.get());
    }
}
