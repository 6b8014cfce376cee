package dev.cutover.framework.source;

import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Forgets the execution's {@link ConcurrencyGate} when it ends, however it ends, so a long-running
 * process ({@code serve}) does not keep one per execution. A restart gets a fresh gate.
 */
@Named
@Dependent
public class ConcurrencyGateRelease extends AbstractJobListener {

    @Inject
    JobContext jobContext;

    @Inject
    ConcurrencyGates gates;

    @Override
    public void afterJob() {
        gates.release(jobContext.getExecutionId());
    }
}
