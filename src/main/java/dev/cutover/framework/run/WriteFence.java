package dev.cutover.framework.run;

/**
 * Fencing of writers: called inside every transaction that commits work of an execution (chunk
 * writes, the activation switch). It must fail that transaction when the execution no longer holds
 * its migration's lease (a newer execution took over), so a stale process that wakes up commits
 * nothing. Implementations may extend the lease while checking it (the chunk is proof of life).
 */
public interface WriteFence {

    /** @throws FencedException when {@code executionId} does not hold {@code migration}'s lease */
    void check(String migration, long executionId);

    /** The execution lost its lease: nothing it tries to commit may stand. */
    class FencedException extends IllegalStateException {
        public FencedException(String message) {
            super(message);
        }
    }
}
