package dev.cutover.migrations.ratelimits;

import static dev.cutover.migrations.ratelimits.RateLimitsRuns.MIGRATION;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.cutover.framework.activate.GenerationSwitch;
import dev.cutover.framework.model.ExecutingModel;
import dev.cutover.migrations.notifications.demo.DemoSources;
import dev.cutover.migrations.ratelimits.demo.DemoRegions;
import dev.cutover.ops.lease.Lease;
import dev.cutover.ops.lease.LeaseManager;
import dev.cutover.support.Apply;
import dev.cutover.support.Cli.Result;
import dev.cutover.support.Cli;
import io.quarkus.test.junit.QuarkusTest;

/** DESIGN.md §11: two migrations never touch each other's generations, leases or executions. */
@QuarkusTest
class MigrationIndependenceTest {

    private static final String OTHER = "notification-rules-v2";

    @Inject
    GenerationSwitch generations;

    @Inject
    LeaseManager leases;

    @Inject
    ObjectMapper json;

    @BeforeEach
    @AfterEach
    void bothFromLegacy() {
        RateLimitsRuns.startFromLegacy(generations);
        Apply.startFromLegacy(generations);
    }

    @Test
    void applyingAndRollingBackRateLimitsLeavesNotificationsGenerationAndExecutionsAlone() throws Exception {
        try (DemoSources notifications = DemoSources.start(); DemoRegions regions = DemoRegions.start()) {
            Result other = Cli.run(Apply.accepting(notifications));
            assertThat(other.exitCode()).as(other.toString()).isZero();
            ExecutingModel before = generations.current(OTHER);
            long otherExecutions = executions(OTHER);

            Result apply = RateLimitsRuns.apply(regions);
            assertThat(apply.exitCode()).as(apply.toString()).isZero();
            assertThat(generations.current(OTHER)).isEqualTo(before);
            Result rollback = Cli.run("rollback", MIGRATION);
            assertThat(rollback.exitCode()).as(rollback.toString()).isZero();
            assertThat(generations.current(OTHER)).isEqualTo(before);
            assertThat(executions(OTHER)).isEqualTo(otherExecutions);
        }
    }

    @Test
    void rollingBackNotificationsLeavesTheRateLimitGenerationAlone() {
        try (DemoSources notifications = DemoSources.start(); DemoRegions regions = DemoRegions.start()) {
            assertThat(RateLimitsRuns.apply(regions).exitCode()).isZero();
            ExecutingModel rateLimits = generations.current(MIGRATION);
            long rateLimitExecutions = executions(MIGRATION);
            assertThat(Cli.run(Apply.accepting(notifications)).exitCode()).isZero();
            assertThat(Cli.run("rollback", OTHER).exitCode()).isZero();
            assertThat(generations.current(MIGRATION)).isEqualTo(rateLimits);
            assertThat(executions(MIGRATION)).isEqualTo(rateLimitExecutions);
        }
    }

    @Test
    void eachMigrationsLeaseBlocksOnlyItself() {
        try (DemoRegions regions = DemoRegions.start()) {
            Lease held = leases.acquire(OTHER);
            try {
                Result apply = RateLimitsRuns.apply(regions);
                assertThat(apply.exitCode()).as("rate-limits-v2 runs while notifications' lease is held: " + apply).isZero();
            } finally {
                leases.releaseUnbound(held);
            }
            Lease own = leases.acquire(MIGRATION);
            try {
                Result blocked = Cli.run("rollback", MIGRATION);
                assertThat(blocked.exitCode()).as(blocked.toString()).isEqualTo(4);
                Result other = Cli.run("rollback", OTHER);
                assertThat(other.exitCode()).as("notifications is not blocked by rate-limits' lease: " + other).isNotEqualTo(4);
            } finally {
                leases.releaseUnbound(own);
            }
        }
    }

    private long executions(String migration) {
        try {
            JsonNode all = json.readTree(Cli.run("status", "--json").out()).get("executions");
            long count = 0;
            for (JsonNode execution : all) {
                count += execution.get("migration").asText().equals(migration) ? 1 : 0;
            }
            return count;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
