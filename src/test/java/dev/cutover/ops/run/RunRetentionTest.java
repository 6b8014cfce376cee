package dev.cutover.ops.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchStatus;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.cutover.framework.activate.GenerationSwitch;
import dev.cutover.framework.run.Sql;
import dev.cutover.framework.run.StepProbe;
import dev.cutover.framework.run.WorkingRows;
import dev.cutover.ops.lease.Lease;
import dev.cutover.ops.lease.LeaseManager;
import dev.cutover.support.Api;
import dev.cutover.support.Apply;
import dev.cutover.support.Cli;
import dev.cutover.support.Cli.Result;
import dev.cutover.support.FailOnce;
import dev.cutover.support.TestSources;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;

/**
 * {@code cutover prune}: which runs lose their working rows (the old ones), which keep them (the newest,
 * the executing generation's, legacy's records) and what stays of a pruned run (its history; a review
 * that says "pruned"; a restart refused as for any abandoned execution).
 */
@QuarkusTest
class RunRetentionTest {

    private static final String MIGRATION = "notification-rules-v2";

    @Inject
    GenerationSwitch generations;

    @Inject
    JobOperator jobOperator;

    @Inject
    LeaseManager leases;

    @Inject
    DataSource dataSource;

    @Test
    void pruneDeletesTheOldRunsRowsAndKeepsTheNewestTheExecutingModelsAndLegacysRecords() {
        Apply.startFromLegacy(generations);
        try (TestSources sources = TestSources.start(2, 40, 10)) {
            Result applied = Cli.run(sources.args("apply"));
            assertThat(applied.exitCode()).as(applied.toString()).isZero();
            int generation = generations.current(MIGRATION).generation();
            FailOnce.at("plan-model-stored");
            Result failed = Cli.run(sources.planArgs("--no-resume"));
            assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
            Result oldPlan = plan(sources);
            Result newer = plan(sources);
            Result newest = plan(sources);
            long executing = run(applied.executionId());
            long failedRun = run(failed.failedExecutionId());
            long oldRun = run(oldPlan.executionId());
            Map<String, Long> executingRows = rows(executing);
            Map<String, Long> newerRows = rows(run(newer.executionId()));
            Map<String, Long> newestRows = rows(run(newest.executionId()));
            assertThat(total(rows(failedRun))).as("the failed run wrote rows").isPositive();
            assertThat(total(rows(oldRun))).isPositive();
            String export = Cli.run("export", MIGRATION).out();

            Result pruned = Cli.run("prune", MIGRATION, "--keep", "2");

            assertThat(pruned.exitCode()).as(pruned.toString()).isZero();
            assertThat(pruned.out())
                    .contains("kept run " + run(newest.executionId()) + " (execution " + newest.executionId() + "): newest")
                    .contains("kept run " + run(newer.executionId()) + " (execution " + newer.executionId() + "): newest")
                    .contains("kept run " + executing + " (execution " + applied.executionId() + "): executing generation " + generation);
            assertThat(pruned.err()).containsPattern("pruned run " + oldRun + " \\(execution " + oldPlan.executionId() + "\\): [0-9,]+ rows in ")
                    .containsPattern("pruned run " + failedRun + " \\(execution " + failed.failedExecutionId() + "\\): [0-9,]+ rows in ");
            assertThat(rows(failedRun).values()).as("the failed run's rows").containsOnly(0L);
            assertThat(rows(oldRun).values()).as("the old plan's rows").containsOnly(0L);
            assertThat(rows(executing)).isEqualTo(executingRows);
            assertThat(rows(run(newer.executionId()))).isEqualTo(newerRows);
            assertThat(rows(run(newest.executionId()))).isEqualTo(newestRows);
            assertThat(Sql.query(dataSource, "select count(*) from plan_report where run_id = ?", rs -> rs.getLong(1), oldRun))
                    .as("the pruned run's history stays").containsExactly(1L);
            assertThat(Cli.run("export", MIGRATION).out()).isEqualTo(export);

            assertThat(jobOperator.getJobExecution(Long.parseLong(failed.failedExecutionId())).getBatchStatus())
                    .isEqualTo(BatchStatus.ABANDONED);
            Result restart = Cli.run("restart", failed.failedExecutionId());
            assertThat(restart.exitCode()).as(restart.toString()).isEqualTo(2);
            assertThat(restart.err()).contains("is ABANDONED: there is nothing to restart");
            Api.viewer().get("/api/executions/" + oldPlan.executionId() + "/report").then().statusCode(410)
                    .body("error", org.hamcrest.Matchers.containsString("were pruned at"));
            Api.viewer().get("/api/executions/" + newer.executionId() + "/report").then().statusCode(200);
            Api.viewer().get("/api/executions/" + oldPlan.executionId()).then().statusCode(200)
                    .body("prunedAt", org.hamcrest.Matchers.notNullValue()).body("digest", org.hamcrest.Matchers.startsWith("sha256:"));
            Api.viewer().get("/api/executions/" + newer.executionId()).then().statusCode(200)
                    .body("prunedAt", org.hamcrest.Matchers.nullValue());
            assertThat(Cli.run("status", oldPlan.executionId()).out()).as("its history stays")
                    .contains(oldPlan.executionId()).contains("COMPLETED").contains("pruned ")
                    .contains(": the run's working rows are gone (cutover prune)");

            Result again = Cli.run("prune", MIGRATION, "--keep", "2");
            assertThat(again.exitCode()).as(again.toString()).isZero();
            assertThat(again.out()).contains("pruned 0 runs of " + MIGRATION + ": 0 rows (");
            Result wider = Cli.run("prune", MIGRATION, "--keep", "1000");
            assertThat(wider.out()).as("a pruned run is not kept by a wider --keep: its rows are gone")
                    .doesNotContain("kept run " + oldRun + " ").doesNotContain("kept run " + failedRun + " ");
            Result rollback = Cli.run("rollback", MIGRATION);
            assertThat(rollback.exitCode()).as("the model to roll back to is whole: " + rollback).isZero();
        }
    }

    @Test
    void theLatestPlannedRunIsKeptBeyondTheNewestForItsRecordsStandInForLegacy() {
        Apply.startFromLegacy(generations);
        try (TestSources sources = TestSources.start(1, 20, 10)) {
            Result planned = plan(sources);
            // a newer run that never planned: it fails in retrieve, so the plan above stays legacy's
            FailOnce.at("retrieve-write");
            Result failed = Cli.run(sources.planArgs("--no-resume"));
            assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
            long legacy = run(planned.executionId());
            Map<String, Long> legacyRows = rows(legacy);

            Result pruned = Cli.run("prune", MIGRATION, "--keep", "1");

            assertThat(pruned.exitCode()).as(pruned.toString()).isZero();
            assertThat(pruned.out()).contains("kept run " + legacy + " (execution " + planned.executionId()
                    + "): latest planned run: its records stand in for legacy");
            assertThat(rows(legacy)).isEqualTo(legacyRows);
        }
    }

    @Test
    void pruneWhileAnExecutionHoldsTheLeaseExitsFourAndDeletesNothing() {
        try (TestSources sources = TestSources.start(1, 20, 10)) {
            long old = run(plan(sources).executionId());
            plan(sources);
            Map<String, Long> before = rows(old);
            Lease running = leases.acquire(MIGRATION);
            try {
                Result r = Cli.run("prune", MIGRATION, "--keep", "1");
                assertThat(r.exitCode()).as(r.toString()).isEqualTo(4);
                assertThat(r.err()).contains("holds the lease");
            } finally {
                leases.releaseUnbound(running);
            }
            assertThat(rows(old)).isEqualTo(before);
        }
    }

    @Test
    void aPruneWhoseLeaseWasTakenOverStopsBeforeItsNextRunAndTheNextPruneGoesOn() {
        try (TestSources sources = TestSources.start(1, 20, 10)) {
            long oldest = run(plan(sources).executionId());
            long older = run(plan(sources).executionId());
            plan(sources);
            Map<String, Long> oldestRows = rows(oldest);
            // once the first run's deletion committed, the lease expires and an execution takes it over
            List<Lease> takers = new ArrayList<>();
            QuarkusMock.installMockForType(new StepProbe() {
                @Override
                public void reached(String point) {
                    if (point.equals("prune-committed") && takers.isEmpty()) {
                        Sql.update(dataSource, "update migration_lease set expires_at = now() - interval '1 second' where migration = ?",
                                MIGRATION);
                        takers.add(leases.acquire(MIGRATION));
                    }
                }
            }, StepProbe.class);
            try {
                Result stopped = Cli.run("prune", MIGRATION, "--keep", "1");
                assertThat(stopped.exitCode()).as(stopped.toString()).isEqualTo(1);
                assertThat(stopped.err()).contains("pruned run " + older + " ")
                        .contains("the lease of " + MIGRATION + " expired and an execution took it over: the prune stopped before run "
                                + oldest);
                assertThat(rows(older).values()).containsOnly(0L);
                assertThat(rows(oldest)).as("not touched after the lease was lost").isEqualTo(oldestRows);
            } finally {
                takers.forEach(leases::releaseUnbound);
            }
            Result again = Cli.run("prune", MIGRATION, "--keep", "1");
            assertThat(again.exitCode()).as(again.toString()).isZero();
            assertThat(rows(oldest).values()).containsOnly(0L);
        }
    }

    @Test
    void keepBelowOneIsAUsageErrorNamingTheOption() {
        Result r = Cli.run("prune", MIGRATION, "--keep", "0");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("--keep must be at least 1");
        Api.operator().post(Api.BASE + "/prune?keep=0").then().statusCode(400)
                .body("field", org.hamcrest.Matchers.equalTo("keep"));
    }

    @Test
    void keepThatIsNotAnIntegerIsABadRequestNamingTheParameterNotAnUnknownMigration() {
        for (String keep : new String[] { "abc", "1.5" }) {
            Api.operator().post(Api.BASE + "/prune?keep=" + keep).then().statusCode(400)
                    .body("field", org.hamcrest.Matchers.equalTo("keep"))
                    .body("error", org.hamcrest.Matchers.equalTo("keep must be an integer, not '" + keep + "'"));
        }
        // an integer, but none a count of runs can be: said so, where it was "must be an integer"
        Api.operator().post(Api.BASE + "/prune?keep=99999999999").then().statusCode(400)
                .body("field", org.hamcrest.Matchers.equalTo("keep"))
                .body("error", org.hamcrest.Matchers.equalTo("keep 99999999999 is out of range (1 to 2147483647)"));
    }

    @Test
    void pruneOfAnUnknownMigrationIs404WhateverItsKeep() {
        // the migration is named first: a bad keep of an unknown migration answered 400
        Api.operator().post("/api/migrations/no-such-migration/prune?keep=abc").then().statusCode(404);
        Api.operator().post("/api/migrations/no-such-migration/prune?keep=0").then().statusCode(404);
    }

    @Test
    void pruneOverHttpIsForOperatorsAndAnswersWhatItDidAndKept() {
        try (TestSources sources = TestSources.start(1, 20, 10)) {
            long old = run(plan(sources).executionId());
            Result newest = plan(sources);
            Api.viewer().post(Api.BASE + "/prune?keep=1").then().statusCode(403);
            assertThat(total(rows(old))).as("a viewer prunes nothing").isPositive();

            Api.operator().post(Api.BASE + "/prune?keep=1").then().statusCode(200)
                    .body("migration", org.hamcrest.Matchers.equalTo(MIGRATION)).body("keep", org.hamcrest.Matchers.equalTo(1))
                    .body("pruned.runId", org.hamcrest.Matchers.hasItem((int) old))
                    .body("pruned.find { it.runId == " + old + " }.rows", org.hamcrest.Matchers.greaterThan(0))
                    .body("kept.find { it.why == 'newest' }.executionId",
                            org.hamcrest.Matchers.equalTo(Integer.parseInt(newest.executionId())));
            assertThat(rows(old).values()).containsOnly(0L);
        }
    }

    /** A table added later with rows of a run must be named: pruned with the run, or kept as its history. */
    @Test
    void everyTableWithRowsOfARunIsEitherPrunedOrHistory() {
        Set<String> tables = new HashSet<>(Sql.query(dataSource, """
                select c.table_name from information_schema.columns c
                join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
                where c.column_name = 'run_id' and c.table_schema = current_schema() and t.table_type = 'BASE TABLE'""",
                rs -> rs.getString(1)));
        Set<String> named = new HashSet<>(WorkingRows.TABLES);
        named.addAll(WorkingRows.HISTORY);
        assertThat(tables).isEqualTo(named);
    }

    private static Result plan(TestSources sources) {
        Result r = Cli.run(sources.planArgs("--no-resume"));
        assertThat(r.exitCode()).as(r.toString()).isZero();
        return r;
    }

    private long run(String executionId) {
        return jobOperator.getJobInstance(Long.parseLong(executionId)).getInstanceId();
    }

    private Map<String, Long> rows(long runId) {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (String table : WorkingRows.TABLES) {
            rows.put(table, Sql.query(dataSource, "select count(*) from " + table + " where run_id = ?", rs -> rs.getLong(1), runId)
                    .get(0));
        }
        return rows;
    }

    private static long total(Map<String, Long> rows) {
        return rows.values().stream().mapToLong(Long::longValue).sum();
    }
}
