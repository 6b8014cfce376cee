package dev.cutover.ops.lease;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;

/**
 * SIGTERM (a Kubernetes pod being stopped) stops the executions running in this process at their
 * next checkpoint (JBeret's stop: batch status STOPPED), so that their lease is released and the
 * next run resumes them from there, instead of leaving them to be detected as crashed.
 */
@ApplicationScoped
public class GracefulStop {

    private static final Logger LOG = Logger.getLogger(GracefulStop.class);
    private static final Set<BatchStatus> ENDED = Set.of(BatchStatus.COMPLETED, BatchStatus.FAILED, BatchStatus.STOPPED,
            BatchStatus.ABANDONED);

    @Inject
    LeaseHeartbeat heartbeat;

    @Inject
    JobOperator jobOperator;

    @ConfigProperty(name = "cutover.stop-timeout", defaultValue = "75s")
    Duration timeout;

    void onShutdown(@Observes ShutdownEvent event) {
        Map<Long, String> running = heartbeat.running();
        if (running.isEmpty()) {
            return;
        }
        running.keySet().forEach(id -> {
            LOG.warnf("stopping execution %d at its next checkpoint (the process is shutting down)", id);
            try {
                jobOperator.stop(id);
            } catch (RuntimeException e) {
                LOG.warnf("could not stop execution %d: %s", id, e.getMessage());
            }
        });
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Long id : running.keySet()) {
            while (!ENDED.contains(jobOperator.getJobExecution(id).getBatchStatus()) && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            LOG.warnf("execution %d is %s; resume it with: cutover restart %d (or run the same command again)", id,
                    jobOperator.getJobExecution(id).getBatchStatus(), id);
        }
    }
}
