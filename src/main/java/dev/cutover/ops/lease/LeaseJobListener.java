package dev.cutover.ops.lease;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.listener.JobListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Binds the lease acquired for this execution ({@code leaseToken} job parameter) before any step
 * runs, keeps it renewed while the execution runs, and releases it when the execution ends, however
 * it ends. Only a crashed process leaves its lease behind, to expire.
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

    @Override
    public void beforeJob() {
        if (leaseToken == null || leaseToken.isEmpty()) {
            throw new IllegalStateException("execution " + jobContext.getExecutionId()
                    + " was started without a lease; start migrations through cutover (CLI, HTTP API or schedule)");
        }
        leases.bind(jobContext.getJobName(), Long.parseLong(leaseToken), jobContext.getExecutionId());
        heartbeat.register(jobContext.getJobName(), jobContext.getExecutionId());
    }

    @Override
    public void afterJob() {
        heartbeat.unregister(jobContext.getExecutionId());
        leases.release(jobContext.getJobName(), jobContext.getExecutionId());
    }
}
