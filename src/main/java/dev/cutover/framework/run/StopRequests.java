package dev.cutover.framework.run;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.cutover.framework.source.StopSignal;

/**
 * Whether an execution running in this process was asked to stop. JBeret flags a stop on the job
 * execution it keeps in memory (status STOPPING) but only chunk boundaries look at it; the steps use
 * this signal to give up a long wait (a source's {@code Retry-After}, a slow answer) at once instead.
 */
@ApplicationScoped
public class StopRequests {

    @Inject
    JobOperator jobOperator;

    /** @return the execution's stop signal; it answers {@code true} from the stop request on */
    public StopSignal of(long executionId) {
        // the partitions' job contexts are copies whose status never changes: ask the operator's
        return () -> jobOperator.getJobExecution(executionId).getBatchStatus() == BatchStatus.STOPPING;
    }
}
