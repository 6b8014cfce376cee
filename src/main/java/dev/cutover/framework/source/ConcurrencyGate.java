package dev.cutover.framework.source;

import java.util.concurrent.Semaphore;

/**
 * Bounds the requests in flight to all sources of one execution together ({@code --concurrency}).
 * A permit is held only while a request is on the wire, never while waiting to retry, so backoff
 * of one source does not starve the others. Not persisted: a restarted execution gets a new gate.
 */
public final class ConcurrencyGate {

    private final Semaphore permits;
    private final int limit;

    public ConcurrencyGate(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, was " + limit);
        }
        this.limit = limit;
        this.permits = new Semaphore(limit, true);
    }

    public int limit() {
        return limit;
    }

    /** Runs one request while holding a permit. */
    public <T> T call(java.util.concurrent.Callable<T> request) throws Exception {
        permits.acquire();
        try {
            return request.call();
        } finally {
            permits.release();
        }
    }
}
