package dev.cutover.ops.run;

import java.time.Duration;
import java.util.Properties;
import java.util.Set;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Starts or restarts a migration execution and waits for its end. The same helper serves the
 * command line, the HTTP API and the tests, so "started and awaited" means one thing everywhere.
 */
@ApplicationScoped
public class MigrationLauncher {

    private static final Set<BatchStatus> ENDED = Set.of(BatchStatus.COMPLETED, BatchStatus.FAILED,
            BatchStatus.STOPPED, BatchStatus.ABANDONED);

    @Inject
    JobOperator jobOperator;

    /** @return the new execution's id */
    public long start(String migration, Properties parameters) {
        return jobOperator.start(migration, parameters);
    }

    /**
     * Restarts a failed or stopped execution with its original parameters (JBeret gives the new
     * execution a new id; completed steps, partitions and chunks are not repeated).
     *
     * @return the new execution's id
     */
    public long restart(long executionId) {
        return jobOperator.restart(executionId, jobOperator.getParameters(executionId));
    }

    /** Blocks until the execution has ended (or {@code timeout} passed) and returns it. */
    public JobExecution await(long executionId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        JobExecution execution = jobOperator.getJobExecution(executionId);
        while (!ENDED.contains(execution.getBatchStatus())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("execution " + executionId + " did not end within " + timeout
                        + " (status " + execution.getBatchStatus() + ")");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for execution " + executionId, e);
            }
            execution = jobOperator.getJobExecution(executionId);
        }
        return execution;
    }
}
