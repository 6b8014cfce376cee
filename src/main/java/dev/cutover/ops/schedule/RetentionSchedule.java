package dev.cutover.ops.schedule;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import dev.cutover.ops.lease.LeaseHeldException;
import dev.cutover.ops.lease.LeaseManager;
import dev.cutover.ops.run.MigrationCatalog;
import dev.cutover.ops.run.RunRetention;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduler;

/**
 * Retention on a schedule while {@code serve} runs: {@code cutover.retention.cron} (five Unix cron fields;
 * unset, the default, schedules nothing) prunes every migration of the build as {@code cutover prune}
 * does, keeping {@code cutover.retention.keep-runs} (3) runs and those still needed ({@link RunRetention}).
 * Of several replicas only one prunes a migration for a fire time (the first to record it in {@code
 * schedule_fire}, as {@code retention:<migration>}); a migration whose lease is held is skipped until the
 * next fire time, and one whose prune fails is logged and does not stop the others.
 */
@ApplicationScoped
public class RetentionSchedule {

    private static final Logger LOG = Logger.getLogger(RetentionSchedule.class);

    public static final String JOB_ID = "cutover-retention";

    /** What a fire time led to, for one migration. */
    public enum Outcome {
        PRUNED, ANOTHER_REPLICA_PRUNED_IT, SKIPPED_WHILE_RUNNING, FAILED
    }

    @ConfigProperty(name = "cutover.retention.cron")
    Optional<String> cron;

    @ConfigProperty(name = "cutover.retention.keep-runs", defaultValue = "3")
    int keep;

    @Inject
    MigrationCatalog catalog;

    @Inject
    RunRetention retention;

    @Inject
    Scheduler scheduler;

    /**
     * Registers the retention job when a cron is configured.
     *
     * @return a line saying what is scheduled; empty when nothing is
     * @throws IllegalArgumentException naming the setting when {@code cutover.retention.keep-runs} is below 1
     */
    public Optional<String> start() {
        if (cron.isEmpty() || cron.get().isBlank()) {
            return Optional.empty();
        }
        String problem = RunRetention.keepProblem("cutover.retention.keep-runs", keep);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        scheduler.newJob(JOB_ID).setCron(cron.get()).setTask(execution -> fire(execution.getScheduledFireTime())).schedule();
        String line = String.format("retention prunes every migration on '%s', keeping %d runs", cron.get(), keep);
        LOG.info("schedule: " + line);
        return Optional.of(line);
    }

    /** Prunes each migration for one fire time, unless another replica did or an execution holds its lease. */
    public Map<String, Outcome> fire(Instant fireTime) {
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        for (String migration : catalog.names()) {
            outcomes.put(migration, fire(migration, fireTime));
        }
        return outcomes;
    }

    private Outcome fire(String migration, Instant fireTime) {
        if (!QuarkusTransaction.requiringNew().call(() -> ScheduleFire.record("retention:" + migration, fireTime, LeaseManager.owner()))) {
            LOG.infof("retention: %s at %s was pruned by another replica", migration, fireTime);
            return Outcome.ANOTHER_REPLICA_PRUNED_IT;
        }
        try {
            RunRetention.Result result = retention.prune(migration, keep, run -> LOG.infof(
                    "retention: %s: pruned run %d (execution %d): %,d rows in %.1f s", migration, run.runId(), run.executionId(),
                    run.rows(), run.millis() / 1000.0));
            LOG.infof("retention: %s at %s pruned %d runs (%,d rows), kept %d", migration, fireTime, result.pruned().size(),
                    result.rows(), result.kept().size());
            return Outcome.PRUNED;
        } catch (LeaseHeldException busy) {
            LOG.infof("retention: %s at %s skipped: %s", migration, fireTime, busy.getMessage());
            return Outcome.SKIPPED_WHILE_RUNNING;
        } catch (RuntimeException e) {
            LOG.errorf(e, "retention: %s at %s failed: %s", migration, fireTime, e.getMessage());
            return Outcome.FAILED;
        }
    }
}
