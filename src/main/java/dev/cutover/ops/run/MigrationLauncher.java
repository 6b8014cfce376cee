package dev.cutover.ops.run;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

import java.util.concurrent.TimeUnit;

import jakarta.batch.operations.JobExecutionNotMostRecentException;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobException;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.JobInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jberet.runtime.JobExecutionImpl;

import dev.cutover.framework.run.RunParameters;
import dev.cutover.framework.run.RunSettingsStore;
import dev.cutover.ops.lease.CrashRecovery;
import dev.cutover.ops.lease.Lease;
import dev.cutover.ops.lease.LeaseManager;

/**
 * Starts, resumes or restarts a migration execution under its migration's lease, and waits for its
 * end. The same helper serves the command line, the HTTP API, the schedule and the tests, so
 * "started and awaited" means one thing everywhere.
 */
@ApplicationScoped
public class MigrationLauncher {

    private static final Set<BatchStatus> ENDED = Set.of(BatchStatus.COMPLETED, BatchStatus.FAILED,
            BatchStatus.STOPPED, BatchStatus.ABANDONED);
    /** The statuses of an execution that can be restarted by id (a crashed one is first marked failed). */
    static final Set<BatchStatus> RESTARTABLE = Set.of(BatchStatus.FAILED, BatchStatus.STOPPED);
    /** An execution's statuses while it runs, or while its process ran when it crashed. */
    static final Set<BatchStatus> RUNNING = Set.of(BatchStatus.STARTING, BatchStatus.STARTED, BatchStatus.STOPPING);

    @Inject
    JobOperator jobOperator;

    @Inject
    LeaseManager leases;

    @Inject
    CrashRecovery recovery;

    @Inject
    RunSettingsStore settingsStore;

    /** An execution and, when it resumed an earlier one, that one's id. */
    public record Started(long executionId, Long resumed) {
    }

    /**
     * Starts a new execution: saves the settings ({@link RunSettingsStore}) and passes only their id,
     * the mode and the lease token as job parameters.
     *
     * @param mode {@link RunParameters#DRY_RUN} or {@link RunParameters#APPLY}
     * @throws dev.cutover.ops.lease.LeaseHeldException when another execution of the migration runs
     */
    public long start(String migration, String mode, RunSettingsStore.Settings settings) {
        return run(migration, mode, settings, false).executionId();
    }

    /**
     * Resumes the migration's last execution if it failed, stopped or crashed with the same mode and
     * sources (a retried Kubernetes Job pod continues its run instead of starting a second one);
     * otherwise starts a new execution.
     *
     * @throws dev.cutover.ops.lease.LeaseHeldException when another execution of the migration runs
     */
    public Started startOrResume(String migration, String mode, RunSettingsStore.Settings settings) {
        return run(migration, mode, settings, true);
    }

    /**
     * Restarts a failed, stopped or crashed execution with its original parameters, hence its original
     * settings (JBeret gives the new execution a new id; completed steps, partitions and chunks are
     * not repeated).
     *
     * @return the new execution's id
     * @throws dev.cutover.ops.lease.LeaseHeldException when an execution of the migration runs
     * @throws JobExecutionNotMostRecentException naming the execution that restarted this one, which is
     *         the one to restart (JBeret's own message names the job instance, which no command shows)
     */
    public long restart(long executionId) {
        String migration = jobOperator.getJobExecution(executionId).getJobName();
        JobExecution latest = jobOperator.getJobExecutions(jobOperator.getJobInstance(executionId)).stream()
                .max(Comparator.comparingLong(JobExecution::getExecutionId)).orElseThrow();
        if (latest.getExecutionId() != executionId) {
            throw new JobExecutionNotMostRecentException("it was restarted as execution " + latest.getExecutionId() + " ("
                    + latest.getBatchStatus() + "), and only the latest execution of a run restarts"
                    + (RESTARTABLE.contains(latest.getBatchStatus()) ? ": restart " + latest.getExecutionId() : ""));
        }
        Lease lease = leases.acquire(migration);
        try {
            recoverCrashed(lease, executionId);
            return restartUnder(lease, executionId);
        } catch (RuntimeException e) {
            leases.releaseUnbound(lease);
            throw e;
        }
    }

    private Started run(String migration, String mode, RunSettingsStore.Settings settings, boolean resume) {
        Lease lease = leases.acquire(migration);
        try {
            Optional<Long> previous = resume ? resumable(migration, mode, settings) : Optional.empty();
            if (previous.isPresent()) {
                recoverCrashed(lease, previous.get());
                return new Started(restartUnder(lease, previous.get()), previous.get());
            }
            recovery.markTakenOver(lease);
            Properties parameters = new Properties();
            parameters.setProperty(RunParameters.MODE, mode);
            parameters.setProperty(RunParameters.SETTINGS, Long.toString(settingsStore.save(settings)));
            parameters.setProperty(RunParameters.LEASE_TOKEN, Long.toString(lease.token()));
            return new Started(jobOperator.start(migration, parameters), null);
        } catch (RuntimeException e) {
            leases.releaseUnbound(lease);
            throw e;
        }
    }

    /** A dead process's execution is still marked running; with the lease in hand it is known dead. */
    private void recoverCrashed(Lease lease, long executionId) {
        recovery.markTakenOver(lease);
        if (RUNNING.contains(jobOperator.getJobExecution(executionId).getBatchStatus())) {
            recovery.markCrashed(executionId);
        }
    }

    private long restartUnder(Lease lease, long executionId) {
        Properties parameters = new Properties();
        parameters.putAll(jobOperator.getParameters(executionId));
        parameters.setProperty(RunParameters.LEASE_TOKEN, Long.toString(lease.token()));
        return jobOperator.restart(executionId, parameters);
    }

    private Optional<Long> resumable(String migration, String mode, RunSettingsStore.Settings settings) {
        List<JobInstance> instances;
        try {
            instances = jobOperator.getJobInstances(migration, 0, 1);
        } catch (NoSuchJobException none) {
            return Optional.empty();
        }
        if (instances.isEmpty()) {
            return Optional.empty();
        }
        JobExecution last = jobOperator.getJobExecutions(instances.get(0)).stream()
                .max(java.util.Comparator.comparingLong(JobExecution::getExecutionId)).orElse(null);
        if (last == null || last.getBatchStatus() == BatchStatus.COMPLETED || last.getBatchStatus() == BatchStatus.ABANDONED) {
            return Optional.empty();
        }
        Properties before = jobOperator.getParameters(last.getExecutionId());
        RunSettingsStore.Settings previous = settingsStore.ofParameters(before);
        // a resumed run keeps its original settings: it resumes only the same command, or it would write
        // another report file, or decide its gates with other accepted codes or another reviewed digest
        boolean same = mode.equals(RunParameters.mode(before)) && previous != null
                && previous.sources().equals(settings.sources())
                && previous.accepted().equals(settings.accepted())
                && java.util.Objects.equals(previous.planDigest(), settings.planDigest())
                && java.util.Objects.equals(previous.out(), settings.out());
        return same ? Optional.of(last.getExecutionId()) : Optional.empty();
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
        awaitTermination(execution, deadline);
        return execution;
    }

    /**
     * JBeret sets the final status before the job listeners' {@code afterJob} (which releases the
     * lease) and before the repository records it: a command that returned on the status alone could
     * exit with the lease still held and the execution still STARTED in the database. JBeret's own
     * termination latch opens after both.
     */
    private static void awaitTermination(JobExecution execution, long deadline) {
        if (execution instanceof JobExecutionImpl running) {
            try {
                running.awaitTermination(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException timedOut) {
                throw new IllegalStateException("execution " + execution.getExecutionId() + " ended but did not finish "
                        + "its bookkeeping in time: " + timedOut.getMessage(), timedOut);
            }
        }
    }
}
