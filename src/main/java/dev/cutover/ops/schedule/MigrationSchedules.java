package dev.cutover.ops.schedule;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import dev.cutover.framework.migration.AnomalyCodes;
import dev.cutover.framework.migration.Migrations;
import dev.cutover.framework.run.RunParameters;
import dev.cutover.framework.run.RunSettingsStore;
import dev.cutover.framework.source.SourceEndpoint;
import dev.cutover.ops.lease.LeaseHeldException;
import dev.cutover.ops.lease.LeaseManager;
import dev.cutover.ops.run.ConfiguredSources;
import dev.cutover.ops.run.InvalidRunOption;
import dev.cutover.ops.run.MigrationCatalog;
import dev.cutover.ops.run.MigrationLauncher;
import dev.cutover.ops.run.MigrationsConfig;
import dev.cutover.ops.run.RunSettings;
import dev.cutover.ops.run.ScheduleConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduler;

/**
 * Starts migrations on their cron schedule while {@code serve} runs: {@code
 * cutover.migrations.<migration>.schedule.*} ({@link MigrationsConfig}), or for a migration without
 * one there {@code cutover.schedule.<migration>.*} ({@link ScheduleConfig}, the older spelling). Each
 * run reads the migration's configured sources ({@link ConfiguredSources}). Of
 * several replicas on one database only one starts a given fire time (the first to record it), and
 * a fire time is skipped while an execution of the migration holds its lease.
 */
@ApplicationScoped
public class MigrationSchedules {

    private static final Logger LOG = Logger.getLogger(MigrationSchedules.class);

    /** What a fire time led to. */
    public enum Outcome {
        STARTED, ANOTHER_REPLICA_STARTED_IT, SKIPPED_WHILE_RUNNING
    }

    @Inject
    ScheduleConfig config;

    @Inject
    MigrationsConfig perMigration;

    @Inject
    ConfiguredSources sources;

    @Inject
    MigrationCatalog catalog;

    @Inject
    Migrations migrations;

    @Inject
    MigrationLauncher launcher;

    @Inject
    Scheduler scheduler;

    @ConfigProperty(name = "cutover.concurrency", defaultValue = "4")
    int concurrency;

    /** Registers a scheduler job per configured migration. @return the migrations scheduled */
    public List<String> start() {
        Map<String, ScheduleConfig.Schedule> schedules = schedules();
        schedules.forEach((migration, schedule) -> {
            catalog.require(migration);
            checkAccepted(migration, schedule, AnomalyCodes.acceptable(migrations.require(migration)));
            scheduler.newJob(jobId(migration)).setCron(schedule.cron())
                    .setTask(execution -> fire(migration, execution.getScheduledFireTime(), configuredSources(migration)))
                    .schedule();
            LOG.infof("schedule: %s runs %s on '%s'", migration, schedule.mode(), schedule.cron());
        });
        return List.copyOf(schedules.keySet());
    }

    /**
     * A code the migration never raises would be silently ignored at every fire time, and the anomaly
     * meant stay blocking: {@code serve} refuses to start on it, as {@code --accept} refuses it.
     *
     * @throws IllegalArgumentException naming the setting, the unknown codes and the known ones
     */
    static void checkAccepted(String migration, ScheduleConfig.Schedule schedule, SortedSet<String> acceptable) {
        try {
            RunSettings.acceptedCodes(migration, schedule.accept().orElse(List.of()), acceptable);
        } catch (InvalidRunOption e) {
            throw new IllegalArgumentException("cutover.migrations." + migration + ".schedule.accept " + e.given() + ": "
                    + e.problem());
        }
    }

    /** @return the schedule of each scheduled migration, sorted by migration */
    public Map<String, ScheduleConfig.Schedule> schedules() {
        Map<String, ScheduleConfig.Schedule> schedules = new TreeMap<>(config.migrations());
        perMigration.all().forEach((migration, own) -> own.schedule().ifPresent(s -> schedules.put(migration, s)));
        return schedules;
    }

    public static String jobId(String migration) {
        return "cutover-schedule-" + migration;
    }

    /** Starts (or resumes) the migration for one fire time, unless another replica or a running execution has it. */
    public Outcome fire(String migration, Instant fireTime, List<SourceEndpoint> endpoints) {
        if (!QuarkusTransaction.requiringNew().call(() -> ScheduleFire.record(migration, fireTime, LeaseManager.owner()))) {
            LOG.infof("schedule: %s at %s was started by another replica", migration, fireTime);
            return Outcome.ANOTHER_REPLICA_STARTED_IT;
        }
        ScheduleConfig.Schedule schedule = schedules().get(migration);
        String mode = schedule == null ? RunParameters.DRY_RUN : schedule.mode();
        RunSettingsStore.Settings settings = RunSettings.settings(endpoints, concurrency,
                schedule == null ? List.of() : schedule.accept().orElse(List.of()), null, null);
        try {
            MigrationLauncher.Started started = launcher.startOrResume(migration, mode, settings);
            LOG.infof("schedule: %s at %s started execution %d", migration, fireTime, started.executionId());
            return Outcome.STARTED;
        } catch (LeaseHeldException busy) {
            LOG.infof("schedule: %s at %s skipped: %s", migration, fireTime, busy.getMessage());
            return Outcome.SKIPPED_WHILE_RUNNING;
        }
    }

    private List<SourceEndpoint> configuredSources(String migration) {
        return RunSettings.endpoints(migration, List.of(), sources.of(migration));
    }
}
