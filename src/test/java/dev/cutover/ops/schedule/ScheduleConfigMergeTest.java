package dev.cutover.ops.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.cutover.ops.run.MigrationsConfig;
import dev.cutover.ops.run.ScheduleConfig;
import dev.cutover.ops.run.SourcesConfig;

/** A schedule is configured per migration; the older cutover.schedule spelling still counts, and loses when both are given. */
class ScheduleConfigMergeTest {

    private static ScheduleConfig.Schedule cron(String cron) {
        return new ScheduleConfig.Schedule() {
            @Override
            public String cron() {
                return cron;
            }

            @Override
            public String mode() {
                return "dry-run";
            }

            @Override
            public Optional<List<String>> accept() {
                return Optional.empty();
            }
        };
    }

    private static MigrationsConfig.Migration withSchedule(ScheduleConfig.Schedule schedule) {
        return new MigrationsConfig.Migration() {
            @Override
            public Map<String, SourcesConfig.Source> sources() {
                return Map.of();
            }

            @Override
            public Optional<ScheduleConfig.Schedule> schedule() {
                return Optional.ofNullable(schedule);
            }
        };
    }

    @Test
    void perMigrationSchedulesWinOverTheOlderSpellingAndBothAreRead() {
        MigrationSchedules schedules = new MigrationSchedules();
        schedules.config = () -> Map.of("notification-rules-v2", cron("0 3 * * *"), "old-only", cron("0 4 * * *"));
        schedules.perMigration = () -> Map.of("notification-rules-v2", withSchedule(cron("30 2 * * *")),
                "rate-limits-v2", withSchedule(cron("0 5 * * *")), "sources-only", withSchedule(null));

        Map<String, ScheduleConfig.Schedule> merged = schedules.schedules();

        assertThat(merged.keySet()).containsExactly("notification-rules-v2", "old-only", "rate-limits-v2");
        assertThat(merged.get("notification-rules-v2").cron()).isEqualTo("30 2 * * *");
        assertThat(merged.get("old-only").cron()).isEqualTo("0 4 * * *");
        assertThat(merged.get("rate-limits-v2").cron()).isEqualTo("0 5 * * *");
    }
}
