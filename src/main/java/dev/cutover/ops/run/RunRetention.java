package dev.cutover.ops.run;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import javax.sql.DataSource;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobException;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.JobInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.cutover.framework.model.ExecutingModelReader;
import dev.cutover.framework.run.Sql;
import dev.cutover.framework.run.StepProbe;
import dev.cutover.framework.run.WorkingRows;
import dev.cutover.framework.run.WriteFence.FencedException;
import dev.cutover.ops.lease.CrashRecovery;
import dev.cutover.ops.lease.Lease;
import dev.cutover.ops.lease.LeaseManager;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Retention of a migration's runs ({@code cutover prune}): deletes the {@link WorkingRows} of every run
 * but the {@code keep} newest and those a command still needs: the run of the executing generation, of
 * every generation a rollback can return to, and the latest planned run (whose migrated records stand in
 * for legacy). A run that could still be restarted (failed, stopped, or crashed) is abandoned first, so
 * that {@code restart} and a resuming start refuse it as they refuse any abandoned execution.
 *
 * <p>Runs under the migration's lease (refused while an execution runs), renewed before each run. Each
 * run is deleted in one transaction that also records it ({@link PrunedRun}) and checks the lease: a
 * crash or a lost lease leaves every run whole or gone, and a prune run again goes on with the rest.
 */
@ApplicationScoped
public class RunRetention {

    /** One run's deletion: a 1M-record run's rows take tens of seconds, far from this. */
    static final int DELETE_TIMEOUT_SECONDS = 3600;

    @Inject
    JobOperator jobOperator;

    @Inject
    LeaseManager leases;

    @Inject
    CrashRecovery recovery;

    @Inject
    ExecutingModelReader reader;

    @Inject
    DataSource dataSource;

    @Inject
    StepProbe probe;

    /** A run kept, with why (the newest, or what still needs it). */
    public record Kept(long runId, long executionId, String why) {
    }

    /** A run whose working rows were deleted now: how many, and in how many milliseconds. */
    public record Pruned(long runId, long executionId, long rows, long millis) {
    }

    /** What a prune did: the runs it deleted, those it kept, and how many were deleted by earlier prunes. */
    public record Result(String migration, int keep, List<Pruned> pruned, List<Kept> kept, int prunedBefore) {

        public long rows() {
            return pruned.stream().mapToLong(Pruned::rows).sum();
        }
    }

    /**
     * @param keep     how many of the newest runs to keep whatever they are, at least 1
     * @param progress told of each run as soon as its deletion committed
     * @throws IllegalArgumentException                  when {@code keep} is below 1
     * @throws dev.cutover.ops.lease.LeaseHeldException when an execution of the migration runs
     * @throws FencedException                           when the lease was lost to an execution midway (the
     *                                                   runs deleted until then stay deleted)
     */
    public Result prune(String migration, int keep, Consumer<Pruned> progress) {
        String problem = keepProblem("keep", keep);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        Lease lease = leases.acquire(migration);
        try {
            recovery.markTakenOver(lease);
            // neither changes while the lease is held: activation, rollback and plans take it
            Map<Long, String> needed = neededRuns(migration);
            Set<Long> prunedBefore = PrunedRun.of(migration);
            List<JobInstance> runs = new ArrayList<>(runs(migration));
            runs.sort(Comparator.comparingLong(JobInstance::getInstanceId).reversed());
            List<Pruned> pruned = new ArrayList<>();
            List<Kept> kept = new ArrayList<>();
            int before = 0;
            for (int i = 0; i < runs.size(); i++) {
                long runId = runs.get(i).getInstanceId();
                if (prunedBefore.contains(runId)) {
                    // also inside a wider --keep than the prune's that deleted it: its rows are gone
                    before++;
                    continue;
                }
                JobExecution latest = latestExecution(runs.get(i));
                if (i < keep) {
                    kept.add(new Kept(runId, latest.getExecutionId(), "newest"));
                } else if (needed.containsKey(runId)) {
                    kept.add(new Kept(runId, latest.getExecutionId(), needed.get(runId)));
                } else {
                    Pruned one = pruneOne(lease, migration, runId, latest);
                    pruned.add(one);
                    progress.accept(one);
                }
            }
            return new Result(migration, keep, pruned, kept, before);
        } finally {
            leases.releaseUnbound(lease);
        }
    }

    /**
     * @param name how the caller's user spells the setting ({@code --keep}, {@code cutover.retention.keep-runs})
     * @return what is wrong with keeping {@code keep} runs; {@code null} when nothing is
     */
    public static String keepProblem(String name, int keep) {
        return keep >= 1 ? null : name + " must be at least 1 (the newest run is always kept), not " + keep;
    }

    /** The runs a command still reads, with why: the executing model, the models to roll back to, legacy's records. */
    private Map<Long, String> neededRuns(String migration) {
        Map<Long, String> needed = new LinkedHashMap<>();
        for (long[] generation : Sql.query(dataSource, """
                select g.generation, g.run_id, (g.generation = x.generation)::int from model_generation g
                join executing_model x on x.migration = g.migration
                where g.migration = ? and (g.generation = x.generation or g.generation = any(x.history))
                order by g.generation desc""", rs -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) }, migration)) {
            needed.putIfAbsent(generation[1], (generation[2] == 1 ? "executing generation " : "rollback can return to generation ")
                    + generation[0]);
        }
        try (Connection connection = dataSource.getConnection()) {
            reader.latestPlannedRun(connection, migration)
                    .ifPresent(run -> needed.putIfAbsent(run, "latest planned run: its records stand in for legacy"));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the latest planned run of " + migration + ": " + e.getMessage(), e);
        }
        return needed;
    }

    /** @return the migration's runs; none before its first (when the Jakarta Batch API's NoSuchJobException says so) */
    private List<JobInstance> runs(String migration) {
        try {
            return jobOperator.getJobInstances(migration, 0, Integer.MAX_VALUE);
        } catch (NoSuchJobException none) {
            return List.of();
        }
    }

    private JobExecution latestExecution(JobInstance run) {
        return jobOperator.getJobExecutions(run).stream().max(Comparator.comparingLong(JobExecution::getExecutionId))
                .orElseThrow(() -> new IllegalStateException("run " + run.getInstanceId() + " has no execution"));
    }

    private Pruned pruneOne(Lease lease, String migration, long runId, JobExecution latest) {
        if (!leases.renewUnbound(lease)) {
            throw new FencedException("the lease of " + migration + " expired and an execution took it over: "
                    + "the prune stopped before run " + runId + "; run it again when no execution runs");
        }
        long executionId = latest.getExecutionId();
        // the lease is held, so an execution still marked running is a crashed one
        if (MigrationLauncher.RUNNING.contains(latest.getBatchStatus())) {
            recovery.markCrashed(executionId);
        }
        if (MigrationLauncher.RESTARTABLE.contains(jobOperator.getJobExecution(executionId).getBatchStatus())) {
            jobOperator.abandon(executionId);
        }
        long started = System.nanoTime();
        long rows = QuarkusTransaction.requiringNew().timeout(DELETE_TIMEOUT_SECONDS).call(() -> {
            leases.checkUnbound(lease);
            long deleted;
            try (Connection connection = dataSource.getConnection()) {
                deleted = WorkingRows.delete(connection, runId);
            }
            new PrunedRun(runId, migration, executionId, deleted).persist();
            probe.reached("prune-before-commit");
            return deleted;
        });
        probe.reached("prune-committed");
        return new Pruned(runId, executionId, rows, (System.nanoTime() - started) / 1_000_000);
    }
}
