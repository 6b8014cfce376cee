package dev.cutover.framework.run;

import jakarta.batch.api.listener.StepListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Step listener that keeps the reason of a failed step in the {@link FailureLog}, so that the
 * command line and {@code status} can say why an execution failed and how to restart it.
 */
@Named
@Dependent
public class FailureRecorder implements StepListener {

    @Inject
    JobContext jobContext;

    @Inject
    StepContext stepContext;

    @Inject
    FailureLog failureLog;

    @Override
    public void beforeStep() {
    }

    @Override
    public void afterStep() {
        Exception failure = stepContext.getException();
        if (failure != null) {
            failureLog.record(jobContext.getExecutionId(), stepContext.getStepName(), failure);
        }
    }
}
