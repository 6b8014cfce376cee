package dev.cutover.ops.lease;

import java.time.Instant;

/**
 * Another execution of the migration holds its lease (exit code 4, HTTP 409): the message names the
 * holder and when its lease expires unless renewed.
 */
public class LeaseHeldException extends RuntimeException {

    private final String migration;
    private final long holderExecutionId;
    private final Instant expiresAt;

    public LeaseHeldException(String migration, long holderExecutionId, Instant expiresAt) {
        super("execution " + holderExecutionId + " of " + migration + " holds the lease (it expires at " + expiresAt
                + " unless renewed)");
        this.migration = migration;
        this.holderExecutionId = holderExecutionId;
        this.expiresAt = expiresAt;
    }

    public String migration() {
        return migration;
    }

    public long holderExecutionId() {
        return holderExecutionId;
    }

    public Instant expiresAt() {
        return expiresAt;
    }
}
