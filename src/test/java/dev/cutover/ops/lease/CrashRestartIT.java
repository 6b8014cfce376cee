package dev.cutover.ops.lease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.cutover.framework.source.server.LegacySourceServer;
import dev.cutover.migrations.notifications.demo.DemoRules;
import dev.cutover.migrations.notifications.demo.DemoSources;
import dev.cutover.support.Apply;
import dev.cutover.support.CutoverProcess;
import dev.cutover.support.TestDatabase;

/**
 * The packaged application as real processes: killed with {@code kill -9} in retrieve, in stage and
 * inside the activation, then restarted by id; stalled and revived after being taken over; two
 * applies at once; SIGTERM. Each test has a database and demo sources of its own.
 */
class CrashRestartIT {

    private static final Pattern DIGEST = Pattern.compile("digest\\s+(sha256:[0-9a-f]{64})");
    private static final ObjectMapper JSON = new ObjectMapper();

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
    void killedDuringRetrieveRestartsByIdToTheSameResultFetchingOnlyWhatWasMissing() throws Exception {
        CutoverProcess first = apply(Map.of("cutover.probe.pause.retrieve-write", "700ms"));
        long id = first.executionId();
        await().atMost(Duration.ofSeconds(60)).until(() -> count("select count(*) from retrieved_page") >= 4);
        first.kill9();
        int requestsBefore = rulesRequests();

        CutoverProcess restart = restartWhenLeaseExpires(id);
        assertThat(restart.exitCode()).as(restart.toString()).isZero();
        assertThat(restart.out()).contains("activated: notification-rules-v2 now executes generation 1");
        int refetched = rulesRequests() - requestsBefore;
        assertCompleteAndEqualToAnUninterruptedRun(restart);
        // 6 pages per source; only pages not committed before the kill are fetched again
        long committedBeforeKill = 18 - refetched;
        assertThat(committedBeforeKill).as("pages the restart did not fetch again").isGreaterThanOrEqualTo(4);
    }

    @Test
    void killedDuringStageRestartsByIdWithoutWritingAnythingTwice() throws Exception {
        CutoverProcess first = apply(Map.of("cutover.probe.halt-at", "stage-write#1"));
        long id = first.executionId();
        // in the stage chunk's transaction, before its write: the process says so and stays there
        assertThat(first.awaitReport("probe: halted at stage-write #1", Duration.ofSeconds(90))).as(first.toString()).isTrue();
        first.kill9();

        CutoverProcess restart = restartWhenLeaseExpires(id);
        assertThat(restart.exitCode()).as(restart.toString()).isZero();
        assertCompleteAndEqualToAnUninterruptedRun(restart);
    }

    @Test
    void killedBeforeTheRetrievePartitionsAreRecordedRestartRetrievesEverySource() throws Exception {
        // the step's execution is recorded, its partitions (one per source) not yet: a restart that ran
        // only the partitions recorded would retrieve nothing and plan an empty model
        CutoverProcess first = apply(Map.of("cutover.probe.halt-at", "retrieve-begin#1"));
        long id = first.executionId();
        assertThat(first.awaitReport("probe: halted at retrieve-begin #1", Duration.ofSeconds(90))).as(first.toString()).isTrue();
        first.kill9();

        CutoverProcess restart = restartWhenLeaseExpires(id);
        assertThat(restart.exitCode()).as(restart.toString()).isZero();
        assertCompleteAndEqualToAnUninterruptedRun(restart);
    }

    @Test
    void killedInsideTheActivationLeavesTheOldModelAndRestartActivates() throws Exception {
        CutoverProcess first = apply(Map.of("cutover.probe.halt-at", "activate-before-commit#1"));
        long id = first.executionId();
        // inside the switch transaction, before its commit: the process says so and stays there
        assertThat(first.awaitReport("probe: halted at activate-before-commit #1", Duration.ofSeconds(90)))
                .as(first.toString()).isTrue();
        first.kill9();
        assertThat(count("select count(*) from model_generation")).as("nothing activated").isZero();
        assertThat(export().get("generation").asInt()).isZero();

        CutoverProcess restart = restartWhenLeaseExpires(id);
        assertThat(restart.exitCode()).as(restart.toString()).isZero();
        assertCompleteAndEqualToAnUninterruptedRun(restart);
    }

    @Test
    void revivedStaleExecutionIsFencedAndChangesNothing() throws Exception {
        CutoverProcess stale = apply(Map.of("cutover.probe.pause.stage-write", "8s"));
        long id = stale.executionId();
        // stopped while paused in the stage chunk's transaction, which it commits (or not) once revived
        assertThat(stale.awaitReport("probe: pausing 8 s at stage-write", Duration.ofSeconds(90))).as(stale.toString()).isTrue();
        stale.signal("STOP");
        CutoverProcess takeover = restartWhenLeaseExpires(id);
        assertThat(takeover.exitCode()).as(takeover.toString()).isZero();
        JsonNode exported = export();
        long entities = count("select count(*) from target_entity");

        stale.signal("CONT");
        int exit = stale.awaitExit(Duration.ofSeconds(90));
        assertThat(exit).as(stale.toString()).isNotZero();
        assertThat(stale.err()).contains("no longer holds the lease");
        assertThat(export()).isEqualTo(exported);
        assertThat(count("select count(*) from target_entity")).isEqualTo(entities);
        assertThat(count("select count(*) from model_generation")).isEqualTo(1);
    }

    @Test
    void secondApplyWhileOneRunsExitsFourNamingTheRunningExecution() {
        // long enough for a second JVM to start on a loaded machine; awaited by the first's own word
        CutoverProcess first = apply(Map.of("cutover.probe.pause.stage-write", "20s"));
        long id = first.executionId();
        await().atMost(Duration.ofSeconds(90)).until(() -> first.err().contains("probe: pausing 20 s at stage-write"));
        CutoverProcess second = CutoverProcess.run(db, Apply.accepting(sources));
        assertThat(second.exitCode()).as(second.toString()).isEqualTo(4);
        assertThat(second.err()).contains("execution " + id + " of notification-rules-v2 holds the lease (it expires at ");
        assertThat(first.awaitExit(Duration.ofMinutes(2))).as(first.toString()).isZero();
    }

    @Test
    void sigtermStopsAtACheckpointAndTheSameCommandResumesTheRun() throws Exception {
        CutoverProcess first = apply(Map.of("cutover.probe.pause.retrieve-write", "700ms"));
        long id = first.executionId();
        await().atMost(Duration.ofSeconds(60)).until(() -> count("select count(*) from retrieved_page") >= 3);
        first.sigterm();
        assertThat(first.awaitExit(Duration.ofSeconds(90))).isNotZero();
        assertThat(first.err()).contains("execution " + id + " stopped at its last checkpoint");
        assertThat(count("select count(*) from job_execution where batchstatus = 'STOPPED'")).isEqualTo(1);
        assertThat(count("select count(*) from migration_lease")).as("lease released").isZero();

        CutoverProcess again = CutoverProcess.run(db, Apply.accepting(sources));
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.err()).contains("resuming execution " + id);
        assertThat(count("select count(distinct jobinstanceid) from job_execution")).as("one job instance").isEqualTo(1);
        assertCompleteAndEqualToAnUninterruptedRun(again);
    }

    @Test
    void sigtermWhileWaitingOutARetryAfterStopsAtOnceAndReleasesTheLease() throws Exception {
        // us-1 asks the first page to come back in 50 s: the run waits inside the retry
        sources.server("us-1").faults().on(LegacySourceServer.RULES_PATH).throttleNext(1, Duration.ofSeconds(50));
        CutoverProcess first = apply(Map.of());
        long id = first.executionId();
        await().atMost(Duration.ofSeconds(60)).until(() -> first.err().contains("in 50.0 s (Retry-After)"));
        first.sigterm();
        // far below the 50 s asked for and the 75 s stop timeout: the wait is given up, not slept out
        assertThat(first.awaitExit(Duration.ofSeconds(30))).as(first.toString()).isNotZero();
        assertThat(first.err()).contains("execution " + id + " stopped at its last checkpoint")
                .doesNotContain("ArC container not initialized");
        assertThat(count("select count(*) from job_execution where batchstatus = 'STOPPED'")).isEqualTo(1);
        assertThat(count("select count(*) from migration_lease")).as("lease released").isZero();

        sources.server("us-1").faults().clear();
        CutoverProcess again = CutoverProcess.run(db, Apply.accepting(sources));
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.err()).contains("resuming execution " + id);
        assertCompleteAndEqualToAnUninterruptedRun(again);
    }

    @Test
    void sigtermOnAnExecutionStuckPastTheStopTimeoutMarksItStoppedAndReleasesItsLease() throws Exception {
        CutoverProcess first = CutoverProcess.start(db,
                Map.of("cutover.probe.pause.stage-write", "300s", "cutover.stop-timeout", "3s"), Apply.accepting(sources));
        long id = first.executionId();
        await().atMost(Duration.ofSeconds(90)).until(() -> first.err().contains("probe: pausing 300 s at stage-write"));
        first.sigterm();
        assertThat(first.awaitExit(Duration.ofSeconds(90))).as(first.toString()).isNotZero();
        assertThat(first.err()).contains("execution " + id + " did not stop within 3.0 s (cutover.stop-timeout): marking it STOPPED");
        assertThat(count("select count(*) from job_execution where batchstatus = 'STOPPED'")).isEqualTo(1);
        assertThat(count("select count(*) from migration_lease")).as("lease released").isZero();

        CutoverProcess restart = CutoverProcess.run(db, "restart", Long.toString(id));
        assertThat(restart.exitCode()).as(restart.toString()).isZero();
        assertCompleteAndEqualToAnUninterruptedRun(restart);
    }

    private CutoverProcess apply(Map<String, String> pause) {
        return CutoverProcess.start(db, pause, Apply.accepting(sources));
    }

    /** While the dead process's lease has not expired, restart answers 4; then it takes over. */
    private CutoverProcess restartWhenLeaseExpires(long id) {
        int attempts = 0;
        CutoverProcess restart;
        do {
            restart = CutoverProcess.run(db, "restart", Long.toString(id));
            attempts++;
        } while (restart.exitCode() == 4 && attempts < 10);
        return restart;
    }

    private void assertCompleteAndEqualToAnUninterruptedRun(CutoverProcess finished) throws Exception {
        JsonNode export = export();
        List<String> expected = new ArrayList<>();
        for (DemoRules.ExpectedPolicy p : sources.rules().expectedPolicies()) {
            var node = JSON.createObjectNode().put("tenant", p.tenant()).put("channel", p.channel())
                    .put("priority", p.priority()).put("schedule", p.schedule()).put("timezone", p.timezone());
            p.recipients().forEach(node.putArray("recipients")::add);
            expected.add(node.toString());
        }
        List<String> actual = new ArrayList<>();
        export.get("policies").forEach(p -> actual.add(p.toString()));
        assertThat(actual).isEqualTo(expected);
        assertThat(count("select count(*) from raw_record")).isEqualTo(4146);
        assertThat(count("select count(*) from record_outcome")).isEqualTo(sources.rules().expected().size());
        assertThat(count("select count(*) from model_generation")).isEqualTo(1);
        CutoverProcess plan = CutoverProcess.run(db, Apply.args("plan", sources, "--accept", Apply.ACCEPT_DEMO_ANOMALIES,
                "--no-resume"));
        assertThat(digest(finished)).isEqualTo(digest(plan));
    }

    private static String digest(CutoverProcess p) {
        Matcher m = DIGEST.matcher(p.out());
        assertThat(m.find()).as(p.toString()).isTrue();
        return m.group(1);
    }

    private JsonNode export() throws Exception {
        return JSON.readTree(CutoverProcess.run(db, "export", "notification-rules-v2").out());
    }

    private int rulesRequests() {
        int total = 0;
        for (String name : DemoRules.SOURCE_NAMES) {
            total += sources.server(name).faults().requestCount(LegacySourceServer.RULES_PATH);
        }
        return total;
    }

    private long count(String sql) throws Exception {
        return TestDatabase.count(db, sql);
    }
}
