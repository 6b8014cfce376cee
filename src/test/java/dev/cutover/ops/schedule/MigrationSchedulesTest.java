package dev.cutover.ops.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.cutover.framework.source.SourceEndpoint;
import dev.cutover.migrations.notifications.demo.DemoSources;
import dev.cutover.ops.lease.Lease;
import dev.cutover.ops.lease.LeaseManager;
import dev.cutover.ops.run.ExecutionView;
import dev.cutover.ops.run.MigrationLauncher;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.scheduler.Trigger;
import io.quarkus.test.junit.QuarkusTest;

/** The test profile schedules notification-rules-v2 at "0 3 * * *" as a dry run. */
@QuarkusTest
class MigrationSchedulesTest {

    private static final String MIGRATION = "notification-rules-v2";

    @Inject
    MigrationSchedules schedules;

    @Inject
    Scheduler scheduler;

    @Inject
    ExecutionView executions;

    @Inject
    MigrationLauncher launcher;

    @Inject
    LeaseManager leases;

    @Test
    void serveRegistersTheConfiguredCronSchedule() {
        assertThat(schedules.start()).containsExactly(MIGRATION);
        Trigger trigger = scheduler.getScheduledJob(MigrationSchedules.jobId(MIGRATION));
        assertThat(trigger).isNotNull();
        ZonedDateTime next = trigger.getNextFireTime().atZone(ZoneOffset.systemDefault());
        assertThat(next.getHour()).isEqualTo(3);
        assertThat(next.getMinute()).isZero();
    }

    @Test
    void ofTwoReplicasFiringTheSameTimeOnlyOneStartsTheMigration() {
        try (DemoSources sources = DemoSources.start()) {
            Instant fireTime = Instant.parse("2030-01-01T03:00:00Z");
            long before = executions.all().size();
            assertThat(schedules.fire(MIGRATION, fireTime, endpoints(sources))).isEqualTo(MigrationSchedules.Outcome.STARTED);
            assertThat(schedules.fire(MIGRATION, fireTime, endpoints(sources)))
                    .isEqualTo(MigrationSchedules.Outcome.ANOTHER_REPLICA_STARTED_IT);
            List<ExecutionView.Execution> after = executions.all();
            assertThat(after).hasSize((int) before + 1);
            ExecutionView.Execution started = after.get(0);
            assertThat(started.mode()).isEqualTo("dry-run");
            assertThat(launcher.await(started.executionId(), Duration.ofMinutes(2)).getExitStatus()).isEqualTo("PLANNED");
        }
    }

    @Test
    void fireTimeIsSkippedWhileAnExecutionHoldsTheLease() {
        try (DemoSources sources = DemoSources.start()) {
            Lease busy = leases.acquire(MIGRATION);
            try {
                long before = executions.all().size();
                assertThat(schedules.fire(MIGRATION, Instant.parse("2030-01-02T03:00:00Z"), endpoints(sources)))
                        .isEqualTo(MigrationSchedules.Outcome.SKIPPED_WHILE_RUNNING);
                assertThat(executions.all()).hasSize((int) before);
            } finally {
                leases.releaseUnbound(busy);
            }
        }
    }

    private static List<SourceEndpoint> endpoints(DemoSources sources) {
        return sources.urls().entrySet().stream().map(e -> SourceEndpoint.of(e.getKey(), e.getValue())).toList();
    }
}
