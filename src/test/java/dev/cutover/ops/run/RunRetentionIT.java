package dev.cutover.ops.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cutover.migrations.notifications.demo.DemoSources;
import dev.cutover.support.Apply;
import dev.cutover.support.CutoverProcess;
import dev.cutover.support.TestDatabase;

/**
 * {@code cutover prune} as the packaged application runs it, a command of its own process (no request
 * context, no test around it), and killed inside a run's deletion: that run stays whole, the ones
 * committed before stay deleted, and the next prune goes on.
 */
class RunRetentionIT {

    private TestDatabase database;
    private Map<String, String> db;
    private DemoSources sources;

    @BeforeEach
    void freshDatabaseAndSources() {
        database = new TestDatabase();
        db = database.start();
        sources = DemoSources.start();
    }

    @AfterEach
    void cleanUp() {
        sources.close();
        database.stop();
    }

    @Test
    void pruneDeletesTheOldRunsAndStatusSaysSo() throws Exception {
        CutoverProcess none = CutoverProcess.run(db, "prune", "notification-rules-v2");
        assertThat(none.exitCode()).as("before the migration's first run: " + none).isZero();
        assertThat(none.out()).isEqualTo("pruned 0 runs of notification-rules-v2: 0 rows\n");
        long first = plan();
        plan();
        plan();

        CutoverProcess prune = CutoverProcess.run(db, "prune", "notification-rules-v2", "--keep", "1");

        assertThat(prune.exitCode()).as(prune.toString()).isZero();
        assertThat(prune.out()).contains("pruned 2 runs of notification-rules-v2: ").contains("kept run 3 (execution 3): newest");
        assertThat(prune.err()).contains("pruned run 2 (execution 2): ").contains("pruned run 1 (execution 1): ");
        assertThat(count("select count(*) from raw_record where run_id < 3")).isZero();
        assertThat(count("select count(*) from raw_record where run_id = 3")).isEqualTo(4146);
        CutoverProcess status = CutoverProcess.run(db, "status", Long.toString(first));
        assertThat(status.exitCode()).as(status.toString()).isZero();
        assertThat(status.out()).contains("pruned ").contains("the run's working rows are gone");
    }

    @Test
    void killedInsideARunsDeletionLeavesThatRunWholeAndTheNextPruneGoesOn() throws Exception {
        plan();
        plan();
        plan();
        // runs go newest first: run 2 is deleted and committed, then the process halts inside run 1's deletion
        CutoverProcess halted = CutoverProcess.start(db, Map.of("cutover.probe.halt-at", "prune-before-commit#2"),
                "prune", "notification-rules-v2", "--keep", "1");
        assertThat(halted.awaitReport("probe: halted at prune-before-commit #2", Duration.ofSeconds(90))).as(halted.toString())
                .isTrue();
        halted.kill9();
        assertThat(count("select count(*) from raw_record where run_id = 2")).isZero();
        assertThat(count("select count(*) from raw_record where run_id = 1")).as("rolled back whole").isEqualTo(4146);
        assertThat(count("select count(*) from pruned_run")).isEqualTo(1);

        CutoverProcess again;
        int attempts = 0;
        do {
            // exit 4 until the dead process's lease expires
            again = CutoverProcess.run(db, "prune", "notification-rules-v2", "--keep", "1");
            attempts++;
        } while (again.exitCode() == 4 && attempts < 10);

        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out()).contains("pruned 1 run of notification-rules-v2: ").contains("(1 pruned before)");
        assertThat(count("select count(*) from raw_record where run_id < 3")).isZero();
        assertThat(count("select count(*) from pruned_run")).isEqualTo(2);
    }

    private long plan() {
        CutoverProcess plan = CutoverProcess.run(db, Apply.args("plan", sources, "--accept", Apply.ACCEPT_DEMO_ANOMALIES,
                "--no-resume"));
        assertThat(plan.exitCode()).as(plan.toString()).isZero();
        return plan.executionId();
    }

    private long count(String sql) throws Exception {
        return TestDatabase.count(db, sql);
    }
}
