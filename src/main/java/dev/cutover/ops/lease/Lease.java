package dev.cutover.ops.lease;

/**
 * A migration's lease as acquired by this process.
 *
 * @param migration         the migration
 * @param token             the fencing token of this acquisition
 * @param crashedExecution  the execution whose expired lease was taken over, or {@code null}
 */
public record Lease(String migration, long token, Long crashedExecution) {
}
