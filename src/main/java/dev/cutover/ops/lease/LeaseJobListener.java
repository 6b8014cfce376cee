package dev.cutover.ops.lease;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.listener.JobListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import dev.cutover.framework.run.StepProbe;

/**
 * Binds the lease acquired for this execution ({@code leaseToken} job parameter) before any step
 * runs, keeps it renewed while the execution runs, and releases it when the execution ends, however
 * it ends. Only a crashed process leaves its lease behind, to expire. Reports the moments around the
 * bind and the release to the {@link StepProbe} ({@code job-before-bind}, {@code job-after-bind},
 * {@code job-before-release}, {@code job-after-release}), where crash drills kill: the execution is
 * recorded as running from before the bind until after the release.
 */
@Named
@Dependent
public class LeaseJobListener implements JobListener {

    @Inject
    @BatchProperty
    String leaseToken;

    @Inject
    JobContext jobContext;

    @Inject
    LeaseManager leases;

    @Inject
    LeaseHeartbeat heartbeat;

    @Inject
    StepProbe probe;

    @Override
    public void beforeJob() {
        if (leaseToken == null || leaseToken.isEmpty()) {
            throw new IllegalStateException("execution " + jobContext.getExecutionId()
                    + " was started without a lease; start migrations through cutover (CLI, HTTP API or schedule)");
        }
        probe.reached("job-before-bind");
        leases.bind(jobContext.getJobName(), Long.parseLong(leaseToken), jobContext.getExecutionId());
        heartbeat.register(jobContext.getJobName(), jobContext.getExecutionId());
        probe.reached("job-after-bind");
    }

    @Override
    public void afterJob() {
        probe.reached("job-before-release");
        heartbeat.unregister(jobContext.getExecutionId());
        leases.release(jobContext.getJobName(), jobContext.getExecutionId());
        // JBeret records the execution's end only after the job listeners: a crash here leaves it running, unleased
        probe.reached("job-after-release");
    }
}
