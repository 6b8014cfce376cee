package dev.cutover.framework.metrics;

import jakarta.batch.api.listener.StepListener;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Begins and ends each step's {@link PhaseProgress} in {@link RunProgress}, so that every phase has a
 * start and an end line even when its artifacts report nothing in between. JBeret calls step listeners
 * on the step's own thread only, not on the partitions'. A step skipped on restart (completed before)
 * is not run, so it shows no phase.
 */
@Named
@Dependent
public class PhaseListener implements StepListener {

    @Inject
    JobContext jobContext;

    @Inject
    StepContext stepContext;

    @Inject
    RunProgress progress;

    @Override
    public void beforeStep() {
        progress.phase(jobContext.getExecutionId(), stepContext.getStepName());
    }

    @Override
    public void afterStep() {
        String status;
        if (stepContext.getException() != null) {
            status = BatchStatus.FAILED.name();
        } else if (stepContext.getBatchStatus() == BatchStatus.STOPPING || stepContext.getBatchStatus() == BatchStatus.STOPPED) {
            status = BatchStatus.STOPPED.name();
        } else {
            status = BatchStatus.COMPLETED.name();
        }
        progress.phase(jobContext.getExecutionId(), stepContext.getStepName()).end(status);
    }
}
