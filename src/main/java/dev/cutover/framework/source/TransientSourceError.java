package dev.cutover.framework.source;

/**
 * An answer the contract calls transient (429, 500, 502, 503, 504, connection error, timeout):
 * the request is retried with backoff, waiting at least {@link #retryAfterMillis()} when the source
 * said so.
 */
public class TransientSourceError extends RuntimeException {

    private final long retryAfterMillis;

    public TransientSourceError(String message, long retryAfterMillis, Throwable cause) {
        super(message, cause);
        this.retryAfterMillis = retryAfterMillis;
    }

    /** @return the source's {@code Retry-After} in milliseconds, 0 when it gave none */
    public long retryAfterMillis() {
        return retryAfterMillis;
    }
}
