package dev.cutover.framework.plan;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.cutover.migrations.notifications.demo.DemoSources;
import dev.cutover.support.Apply;
import dev.cutover.support.Cli;
import dev.cutover.support.Cli.Result;
import dev.cutover.support.CrashRecovery;
import dev.cutover.support.FailOnce;
import dev.cutover.support.InjectsFaults;
import dev.cutover.support.LogCapture;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The plan step sorts the leaves the normalize step stored keyed ({@code record_leaf} and its counts
 * {@code record_leaf_count}, unlogged tables: PostgreSQL empties them when it recovers from a crash). A
 * run whose keyed leaves are gone, or were never stored (normalized by an earlier version), plans from its
 * outcomes to the same digest.
 */
@QuarkusTest
class StoredLeavesFallbackTest {

    @Inject
    DataSource dataSource;

    @Test
    @InjectsFaults("an exception in the plan step after its model is stored, then the run's keyed leaves emptied")
    void aRunWhoseKeyedLeavesAreGonePlansFromItsOutcomesToTheSameDigest() {
        try (DemoSources sources = DemoSources.start(); LogCapture log = LogCapture.of(PlanBatchlet.class)) {
            Result uninterrupted = Cli.run(Apply.args("plan", sources));
            assertThat(uninterrupted.exitCode()).as(uninterrupted.toString()).isEqualTo(3);
            assertThat(log.lines()).noneMatch(line -> line.contains("planning from their outcomes"));

            FailOnce.at("plan-model-stored");
            Result failed = Cli.run(Apply.args("plan", sources));
            assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
            // what PostgreSQL's crash recovery does: the keyed leaves and their counts emptied, the outcomes kept
            assertThat(CrashRecovery.emptyUnloggedTables(dataSource)).contains("record_leaf", "record_leaf_count");

            Result restarted = Cli.run("restart", failed.executionId());
            assertThat(restarted.exitCode()).as(restarted.toString()).isEqualTo(3);
            assertThat(log.lines()).anyMatch(line -> line.matches("plan: 0 of \\d+ migrated records have keyed leaves; planning from their outcomes"));
            assertThat(restarted.digest()).isEqualTo(uninterrupted.digest());
        }
    }
}
