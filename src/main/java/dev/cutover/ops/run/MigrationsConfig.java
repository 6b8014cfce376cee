package dev.cutover.ops.run;

import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithParentName;

/**
 * Configuration per migration (DESIGN.md §11): {@code cutover.migrations.<migration>.sources.<name>.url}
 * and {@code cutover.migrations.<migration>.schedule.cron} (with {@code .mode} and {@code .accept}).
 */
@ConfigMapping(prefix = "cutover.migrations")
public interface MigrationsConfig {

    @WithParentName
    Map<String, Migration> all();

    interface Migration {
        Map<String, SourcesConfig.Source> sources();

        Optional<ScheduleConfig.Schedule> schedule();
    }
}
