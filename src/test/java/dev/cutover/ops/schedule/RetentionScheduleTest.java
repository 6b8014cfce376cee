package dev.cutover.ops.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.batch.operations.JobOperator;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.cutover.framework.run.Sql;
import dev.cutover.ops.lease.Lease;
import dev.cutover.ops.lease.LeaseManager;
import dev.cutover.support.Cli;
import dev.cutover.support.TestSources;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.scheduler.Trigger;
import io.quarkus.test.junit.QuarkusTest;

/** The test profile sets {@code cutover.retention.cron=0 5 * * 0} and leaves keep-runs at its default, 3. */
@QuarkusTest
class RetentionScheduleTest {

    private static final String MIGRATION = "notification-rules-v2";

    @Inject
    RetentionSchedule retention;

    @Inject
    Scheduler scheduler;

    @Inject
    LeaseManager leases;

    @Inject
    JobOperator jobOperator;

    @Inject
    DataSource dataSource;

    @Test
    void serveRegistersTheConfiguredRetentionCron() {
        assertThat(retention.start()).hasValue("retention prunes every migration on '0 5 * * 0', keeping 3 runs");
        Trigger trigger = scheduler.getScheduledJob(RetentionSchedule.JOB_ID);
        assertThat(trigger).isNotNull();
        ZonedDateTime next = trigger.getNextFireTime().atZone(ZoneOffset.systemDefault());
        assertThat(next.getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
        assertThat(next.getHour()).isEqualTo(5);
    }

    @Test
    void serveRefusesAKeepBelowOneNamingTheSetting() {
        RetentionSchedule schedule = new RetentionSchedule();
        schedule.cron = Optional.of("0 5 * * 0");
        schedule.keep = 0;
        assertThatThrownBy(schedule::start).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cutover.retention.keep-runs must be at least 1 (the newest run is always kept), not 0");
    }

    @Test
    void aFireTimePrunesEveryMigrationOnceWhateverTheReplicas() {
        List<Long> runs = new ArrayList<>();
        try (TestSources sources = TestSources.start(1, 20, 10)) {
            for (int i = 0; i < 4; i++) {
                Cli.Result plan = Cli.run(sources.planArgs("--no-resume"));
                assertThat(plan.exitCode()).as(plan.toString()).isZero();
                runs.add(jobOperator.getJobInstance(Long.parseLong(plan.executionId())).getInstanceId());
            }
        }
        Instant fireTime = Instant.parse("2030-01-06T05:00:00Z");

        Map<String, RetentionSchedule.Outcome> first = retention.fire(fireTime);
        Map<String, RetentionSchedule.Outcome> second = retention.fire(fireTime);

        assertThat(first).containsEntry(MIGRATION, RetentionSchedule.Outcome.PRUNED)
                .containsEntry("rate-limits-v2", RetentionSchedule.Outcome.PRUNED);
        assertThat(second).containsEntry(MIGRATION, RetentionSchedule.Outcome.ANOTHER_REPLICA_PRUNED_IT)
                .containsEntry("rate-limits-v2", RetentionSchedule.Outcome.ANOTHER_REPLICA_PRUNED_IT);
        assertThat(rawRecords(runs.get(0))).as("the fourth newest run").isZero();
        assertThat(rawRecords(runs.get(1))).isPositive();
        assertThat(rawRecords(runs.get(3))).isPositive();
    }

    @Test
    void aMigrationWhoseLeaseIsHeldIsSkippedAndTheOthersArePruned() {
        Lease busy = leases.acquire(MIGRATION);
        try {
            Map<String, RetentionSchedule.Outcome> outcomes = retention.fire(Instant.parse("2030-01-13T05:00:00Z"));
            assertThat(outcomes).containsEntry(MIGRATION, RetentionSchedule.Outcome.SKIPPED_WHILE_RUNNING)
                    .containsEntry("rate-limits-v2", RetentionSchedule.Outcome.PRUNED);
        } finally {
            leases.releaseUnbound(busy);
        }
    }

    private long rawRecords(long runId) {
        return Sql.query(dataSource, "select count(*) from raw_record where run_id = ?", rs -> rs.getLong(1), runId).get(0);
    }
}
