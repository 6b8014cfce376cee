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
 * next run resumes them from there, instead of leaving them to be detected as crashed. Waits for a
 * source give up at once on a stop; an execution that still has not stopped after
 * {@code cutover.stop-timeout} is marked STOPPED and its lease released all the same.
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

    @Inject
    CrashRecovery recovery;

    @Inject
    LeaseManager leases;

    @Inject
    CommandsInFlight commands;

    @ConfigProperty(name = "cutover.stop-timeout", defaultValue = "75s")
    Duration timeout;

    void onShutdown(@Observes ShutdownEvent event) {
        long deadline = System.nanoTime() + timeout.toNanos();
        stopExecutions(deadline);
        // the container must outlive the command that reports the stopped execution and its exit code;
        // within the same stop timeout (a second at least, reporting takes milliseconds)
        if (!commands.awaitNone(Duration.ofNanos(Math.max(deadline - System.nanoTime(), 1_000_000_000L)))) {
            LOG.warn("a command was still reporting its execution when the process shut down");
        }
    }

    private void stopExecutions(long deadline) {
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
        running.forEach((id, migration) -> {
            while (!ENDED.contains(jobOperator.getJobExecution(id).getBatchStatus()) && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            BatchStatus status = jobOperator.getJobExecution(id).getBatchStatus();
            if (!ENDED.contains(status)) {
                status = forceStop(id, migration) ? BatchStatus.STOPPED : status;
            }
            LOG.warnf("execution %d is %s; resume it with: cutover restart %d (or run the same command again)", id,
                    status, id);
        });
    }

    /**
     * The execution is stuck where no checkpoint comes (a call that ignores interruption): the process
     * is going away all the same, so it must not leave the execution STARTED and its lease held for
     * the next run to wait out or take for a crash. Releasing the lease fences whatever it still does.
     */
    private boolean forceStop(long id, String migration) {
        LOG.warnf("execution %d did not stop within %.1f s (cutover.stop-timeout): marking it STOPPED and releasing its lease",
                id, timeout.toMillis() / 1000.0);
        try {
            heartbeat.unregister(id);
            recovery.markStopped(id);
            leases.release(migration, id);
            return true;
        } catch (RuntimeException e) {
            LOG.errorf("could not mark execution %d stopped (%s): its lease expires after cutover.lease.ttl and the next "
                    + "run takes it over", id, e.getMessage());
            return false;
        }
    }
}
