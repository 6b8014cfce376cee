package dev.cutover.ops.run;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;

/**
 * Scheduled runs of migrations in {@code serve}: {@code cutover.schedule.<migration>.cron} (five
 * Unix cron fields), {@code .mode} ({@code dry-run} by default, {@code apply} only if configured)
 * and {@code .accept} (accepted anomaly codes). Sources are the migration's configured ones. The
 * older spelling of {@code cutover.migrations.<migration>.schedule.*}, which wins when both are given.
 */
@ConfigMapping(prefix = "cutover.schedule")
public interface ScheduleConfig {

    @WithParentName
    Map<String, Schedule> migrations();

    interface Schedule {
        String cron();

        @WithDefault("dry-run")
        String mode();

        Optional<List<String>> accept();
    }
}
