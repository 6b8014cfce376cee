package dev.cutover.framework.migration;

/**
 * The live behavior of a migration's system, run by {@code cutover serve}: it executes whichever model
 * executes now (legacy or an activated generation), read through one snapshot per unit of work, so an
 * activation or a rollback is seen whole or not at all.
 * <p>
 * Contract: {@link #startServing()} is idempotent; {@link #stop()} lets the unit of work in progress
 * commit or roll back and starts no other. A restarted executor goes on from what it already recorded
 * and never repeats a recorded unit.
 */
public interface LiveExecutor {

    /** @return what the executor is called in logs (e.g. {@code dispatcher}) */
    String name();

    /**
     * Starts executing in real time on a thread of its own.
     *
     * @return false when it was already running (nothing changes)
     */
    boolean startServing();

    /** Stops after the unit of work in progress; does nothing when not running. */
    void stop();
}
