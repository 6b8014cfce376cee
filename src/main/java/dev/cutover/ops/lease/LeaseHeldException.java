package dev.cutover.ops.lease;

import java.time.Instant;

/**
 * Another execution of the migration holds its lease (exit code 4, HTTP 409): the message names the
 * holder and when its lease expires unless renewed. A lease not bound to an execution (a prune, a
 * rollback, an execution still starting) is named by the process that took it.
 */
public class LeaseHeldException extends RuntimeException {

    private final String migration;
    private final Long holderExecutionId;
    private final String holder;
    private final Instant expiresAt;

    /**
     * @param holderExecutionId the execution the lease is bound to, or {@code null} when it is bound to none
     * @param holder            the process that took the lease ({@link LeaseManager#owner()})
     */
    public LeaseHeldException(String migration, Long holderExecutionId, String holder, Instant expiresAt) {
        super((holderExecutionId != null ? "execution " + holderExecutionId + " of " + migration + " holds the lease"
                : "process " + holder + " holds the lease of " + migration + " for a command bound to no execution "
                        + "(a prune, a rollback, or an execution still starting)")
                + " (it expires at " + expiresAt + " unless renewed)");
        this.migration = migration;
        this.holderExecutionId = holderExecutionId;
        this.holder = holder;
        this.expiresAt = expiresAt;
    }

    public String migration() {
        return migration;
    }

    /** @return the execution holding the lease, or {@code null} when the lease is bound to none */
    public Long holderExecutionId() {
        return holderExecutionId;
    }

    /** @return the process that took the lease */
    public String holder() {
        return holder;
    }

    public Instant expiresAt() {
        return expiresAt;
    }
}
