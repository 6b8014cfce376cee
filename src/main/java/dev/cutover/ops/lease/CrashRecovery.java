package dev.cutover.ops.lease;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.cutover.framework.run.FailureLog;
import dev.cutover.framework.run.Sql;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * A process killed with {@code kill -9} leaves its execution (and its step and partition rows)
 * STARTED forever, and JBeret then refuses to restart it (JBERET000647, "still alive"). Once the
 * execution's lease has expired it is known dead: this marks it and its unfinished steps and
 * partitions FAILED (exit status CRASHED), so that it restarts from its last checkpoints like any
 * failed execution. Only called by the holder of the migration's new lease.
 */
@ApplicationScoped
public class CrashRecovery {

    private static final Logger LOG = Logger.getLogger(CrashRecovery.class);
    private static final String UNFINISHED = "('STARTING', 'STARTED', 'STOPPING')";

    @Inject
    DataSource dataSource;

    @Inject
    FailureLog failures;

    /** Marks the execution whose expired lease {@code lease}'s acquisition took over, if any: its process died. */
    public void markTakenOver(Lease lease) {
        if (lease.crashedExecution() != null) {
            markCrashed(lease.crashedExecution());
        }
    }

    /** @return whether the execution was still marked as running (and is now FAILED) */
    public boolean markCrashed(long executionId) {
        boolean marked = mark(executionId, "FAILED", "CRASHED");
        if (marked) {
            failures.record(executionId, "lease", new IllegalStateException(
                    "the process running it died (its lease expired); marked FAILED so it can be restarted"));
            LOG.warnf("execution %d crashed (its lease expired): marked FAILED", executionId);
        }
        return marked;
    }

    /**
     * Ends an execution of this process that did not stop by itself within the stop timeout: its rows
     * become STOPPED (restartable from their last checkpoints, like any stopped execution). The caller
     * releases its lease, after which anything the execution still tries to commit is fenced off.
     *
     * @return whether the execution was still marked as running (and is now STOPPED)
     */
    public boolean markStopped(long executionId) {
        boolean marked = mark(executionId, "STOPPED", "STOPPED");
        if (marked) {
            failures.record(executionId, "stop", new IllegalStateException(
                    "it did not reach a checkpoint within the stop timeout; marked STOPPED so it can be restarted"));
        }
        return marked;
    }

    private boolean mark(long executionId, String batchStatus, String exitStatus) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Sql.update(dataSource, "update partition_execution set batchstatus = ?, exitstatus = ? "
                    + "where batchstatus in " + UNFINISHED + " and stepexecutionid in "
                    + "(select stepexecutionid from step_execution where jobexecutionid = ?)", batchStatus, exitStatus,
                    executionId);
            Sql.update(dataSource, "update step_execution set batchstatus = ?, exitstatus = ?, endtime = now() "
                    + "where jobexecutionid = ? and batchstatus in " + UNFINISHED, batchStatus, exitStatus, executionId);
            return Sql.update(dataSource, "update job_execution set batchstatus = ?, exitstatus = ?, "
                    + "endtime = now(), lastupdatedtime = now() where jobexecutionid = ? and batchstatus in " + UNFINISHED,
                    batchStatus, exitStatus, executionId);
        }) > 0;
    }
}
