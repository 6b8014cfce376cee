package dev.cutover.framework.stage;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.cutover.framework.metrics.PhaseProgress;
import dev.cutover.framework.metrics.RunProgress;
import dev.cutover.framework.migration.AnomalyCodes;
import dev.cutover.framework.migration.Entity;
import dev.cutover.framework.migration.MigrationDescriptor;
import dev.cutover.framework.migration.Migrations;
import dev.cutover.framework.migration.TargetValidator;
import dev.cutover.framework.plan.PlanReport;
import dev.cutover.framework.plan.PlanStore;
import dev.cutover.framework.run.RunSettingsStore;
import dev.cutover.framework.run.SideLane;
import dev.cutover.framework.run.StepProbe;
import dev.cutover.framework.run.WriteFence;

/**
 * Structural completeness of the staged model before anything executes it: entity count and
 * migrated count equal the plan's, every migrated record reaches a staged entity, every staged
 * entity is reached, per source fetched = total (unless SOURCE_INCOMPLETE was accepted), and the
 * migration's own {@link TargetValidator}, one staged entity at a time. The lineage's checks (set-based
 * queries) run on a thread of the step's own while the step's thread checks the entities; the problems
 * are listed in the same order either way. On failure the execution fails with the list of what is
 * missing and nothing is activated; on success the run is marked validated (idempotently). Reads only
 * until that mark: a restarted step checks everything again.
 */
@Named
@Dependent
public class ValidationBatchlet extends AbstractBatchlet {

    @Inject
    JobContext jobContext;

    @Inject
    WriteFence fence;

    @Inject
    PlanStore plans;

    @Inject
    TargetStore targets;

    @Inject
    StepProbe probe;

    @Inject
    RunSettingsStore settingsStore;

    @Inject
    ObjectMapper json;

    @Inject
    Migrations migrations;

    @Inject
    jakarta.batch.runtime.context.StepContext stepContext;

    @Inject
    RunProgress progress;

    /** Entities checked between two progress reports. */
    private static final int REPORT_EVERY = 1000;

    @Override
    public String process() throws Exception {
        long runId = jobContext.getInstanceId();
        probe.reached("validate");
        PlanReport report = plans.report(runId).orElseThrow(() -> new IllegalStateException("no plan report for this run"));
        List<String> problems = new ArrayList<>();
        PhaseProgress phase = progress.phase(jobContext.getExecutionId(), stepContext.getStepName());
        long staged = targets.entityCount(runId);
        if (staged != report.counts().entities()) {
            problems.add("staged " + staged + " " + report.counts().entityKind() + ", the plan has " + report.counts().entities());
        }
        List<String> checked = new ArrayList<>();
        // the lineage's set-based checks keep one server process busy for seconds (5.2 s at 1M notification
        // rules) while this thread waited; beside them, it checks the entities one by one on the other core
        try (SideLane lane = new SideLane("cutover-validate-lineage")) {
            Future<List<String>> lineage = lane.submit(() -> lineageProblems(runId, report));
            phase.counting("checking", report.counts().entityKind(), staged, 0);
            probe.reached("validate-entities");
            check(migrations.require(jobContext.getJobName()), runId, checked, phase);
            problems.addAll(SideLane.await(lineage, "checking the staged model's lineage"));
            // a failed entity check closes the lane: it waits for the lineage's queries rather than leave them running
        }
        boolean incompleteAccepted = settingsStore.of(jobContext).accepted().contains(AnomalyCodes.SOURCE_INCOMPLETE);
        for (PlanReport.Source s : report.sources()) {
            if (s.fetched() != s.total() && !incompleteAccepted) {
                problems.add("source " + s.name() + ": fetched " + s.fetched() + " of " + s.total());
            }
        }
        problems.addAll(checked);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("validation failed, nothing activated: " + String.join("; ", problems));
        }
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> {
            fence.check(jobContext.getJobName(), jobContext.getExecutionId());
            ValidatedModel.mark(runId, jobContext.getJobName(), report.digest(), jobContext.getExecutionId());
        });
        return "VALIDATED";
    }

    /**
     * The lineage's checks, in the database: the records it reaches against the plan's migrated count,
     * then the three kinds of orphans. Reads only; run on the step's lineage thread, after refreshing the
     * statistics of the tables the run has just filled (without them the joins are quadratic).
     */
    private List<String> lineageProblems(long runId, PlanReport report) {
        probe.reached("validate-lineage");
        List<String> problems = new ArrayList<>();
        targets.refreshStatistics();
        long reached = targets.recordsWithLineage(runId);
        if (reached != report.counts().migrated()) {
            problems.add("lineage reaches " + reached + " records, the plan migrates " + report.counts().migrated());
        }
        targets.migratedWithoutEntity(runId).forEach(r -> problems.add("migrated record " + r + " has no staged entity"));
        targets.entitiesWithoutLineage(runId).forEach(e -> problems.add("staged entity " + e + " is reached by no record"));
        targets.lineageWithoutMigratedRecord(runId).forEach(l -> problems.add("lineage " + l + " has no migrated record"));
        return problems;
    }

    /** The migration's own checks, entity by entity, each problem prefixed by the entity it is about. */
    private <E> void check(MigrationDescriptor<?, E, ?> migration, long runId, List<String> problems, PhaseProgress phase) {
        TargetValidator<E> validator = migration.validator();
        int[] unreported = { 0 };
        targets.forEachBody(runId, (id, body) -> {
            if (++unreported[0] == REPORT_EVERY) {
                phase.add(unreported[0]);
                unreported[0] = 0;
            }
            Entity<E> entity;
            try {
                entity = Entity.stored(migration.entityCodec(), id, json.readTree(body));
            } catch (Exception e) {
                problems.add("staged " + e.getMessage());
                return;
            }
            validator.check(entity, problem -> problems.add("staged entity " + id + " " + problem));
        });
        phase.add(unreported[0]);
    }
}
