package dev.cutover.framework.plan;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.jboss.logging.Logger;

import dev.cutover.framework.metrics.PhaseProgress;
import dev.cutover.framework.metrics.RunProgress;
import dev.cutover.framework.migration.MigrationDescriptor;
import dev.cutover.framework.migration.Migrations;
import dev.cutover.framework.retrieve.RetrievalStore;
import dev.cutover.framework.model.ExecutingModelReader;
import dev.cutover.framework.model.ModelKeyIndex;
import dev.cutover.framework.run.RunParameters;
import dev.cutover.framework.run.RunSettingsStore;
import dev.cutover.framework.run.StepProbe;
import dev.cutover.framework.run.WriteFence;

/**
 * Builds the run's plan report and digest from what retrieve and normalize stored, with the
 * migration's parts ({@link ModelPlanning}, from its {@link MigrationDescriptor}), and checks it
 * against the executing generation ({@link MassRemovalCheck}), with its verdict ({@link
 * ApplyGate#planVerdict}) and apply command ({@link ApplyCommandLine}). The model is made from the
 * leaves the normalize step stored keyed, sorted by the database; when some migrated record has none
 * (PostgreSQL emptied the unlogged table in a crash recovery, or the run was normalized before it
 * existed) from the outcomes' targets, keyed here: the same plan either way. Writes only the run's own
 * report and model rows; re-running it (restart) rebuilds the same digest.
 */
@Named
@Dependent
public class PlanBatchlet extends AbstractBatchlet {

    private static final Logger LOG = Logger.getLogger(PlanBatchlet.class);

    @Inject
    @BatchProperty
    String mode;

    @Inject
    JobContext jobContext;

    @Inject
    WriteFence fence;

    @Inject
    RetrievalStore retrieval;

    @Inject
    PlanInputs inputs;

    @Inject
    PlanStore plans;

    @Inject
    MassRemovalCheck massRemoval;

    @Inject
    Migrations migrations;

    @Inject
    javax.sql.DataSource dataSource;

    @Inject
    RunProgress progress;

    @Inject
    jakarta.batch.runtime.context.StepContext stepContext;

    @Inject
    RunSettingsStore settingsStore;

    @Inject
    ExecutingModelReader models;

    @Inject
    StepProbe probe;

    @Inject
    ModelKeyIndex keyIndex;

    @Override
    public String process() {
        long runId = jobContext.getInstanceId();
        MigrationDescriptor<?, ?, ?> migration = migrations.require(jobContext.getJobName());
        PhaseProgress phase = progress.phase(jobContext.getExecutionId(), stepContext.getStepName());
        OutcomeTally tally = inputs.tally(runId);
        phase.counting("grouping migrated records", "records", tally.migrated(), 0);
        TargetPlan target;
        Instant horizonStart = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        ModelPlanning.StoredLeaves stored = inputs.storedLeaves(runId);
        // leaves sorted and the model written by the database as they are made (COPY), never held whole
        if (stored.records() == tally.migrated()) {
            // every migrated record's leaves were keyed by the normalize step: sort and group them
            try (PlanningTables rows = PlanningTables.openStored(dataSource, runId)) {
                target = ModelPlanning.planStored(migration, horizonStart, rows, phase, stored);
            }
        } else {
            // normalized before the leaves were stored keyed (or some are missing): key them from the outcomes
            LOG.infof("plan: %d of %d migrated records have keyed leaves; planning from their outcomes",
                    stored.records(), tally.migrated());
            try (PlanningTables rows = PlanningTables.open(dataSource, runId)) {
                target = ModelPlanning.plan(migration, action -> inputs.forEachMigrated(runId, action), horizonStart,
                        rows, phase);
            }
        }
        // the planned model is committed, the report not yet: a restart plans again and replaces the model
        probe.reached("plan-model-stored");
        PlanReport built = PlanReportBuilder.build(jobContext.getJobName(), migration.entityKind(), jobContext.getExecutionId(),
                mode == null || mode.isEmpty() ? RunParameters.DRY_RUN : mode, retrieval.summaries(runId), tally,
                target, massRemoval.check(jobContext.getJobName(), runId).stream().toList());
        PlanReport report = withVerdict(built);
        // while legacy executes, the report makes this run's records the legacy model: a switch, which a
        // live executor reading legacy by key should find indexed, as an activation's
        keyIndex.buildBeforePlanCommit(migration, runId);
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> {
            fence.check(jobContext.getJobName(), jobContext.getExecutionId());
            plans.save(runId, report, migration.entityKind());
        });
        // the phase ends saying what it made
        phase.counting(null, migration.entityKind(), report.counts().entities(), report.counts().entities());
        LOG.infof("plan: %d records, %d %s, digest %s", report.counts().fetched(), report.counts().entities(),
                migration.entityKind(), report.digest());
        return "PLANNED";
    }

    /**
     * Whether an apply of this plan, accepting what this run accepts, would go ahead as things stand
     * now, and the command that applies it; an apply run's gate replaces the verdict with its own
     * ({@link ModeDecider}).
     */
    private PlanReport withVerdict(PlanReport report) {
        RunSettingsStore.Settings settings = settingsStore.of(jobContext);
        String executingDigest = models.current(jobContext.getJobName()).digest();
        return report.withVerdict(ApplyGate.planVerdict(report, settings.accepted(), executingDigest),
                ApplyCommandLine.of(jobContext.getJobName(), settings, report.digest()));
    }
}
