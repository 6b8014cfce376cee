package dev.cutover.framework.model;

/**
 * One model a migration can execute, named by the run it was made from: the run's legacy model (its
 * migrated records, which stand in for the legacy system) or its staged model (its entities, executing
 * once activated as a generation). What a {@link ModelKeyIndex} is built for.
 *
 * @param runId  the run
 * @param legacy the run's legacy model rather than its staged one
 */
public record ModelOfRun(long runId, boolean legacy) {
}
