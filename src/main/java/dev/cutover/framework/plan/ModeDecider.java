package dev.cutover.framework.plan;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.Decider;
import jakarta.batch.runtime.StepExecution;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.jboss.logging.Logger;

import dev.cutover.framework.model.ExecutingModelReader;
import dev.cutover.framework.run.RefusalLog;
import dev.cutover.framework.run.RunParameters;
import dev.cutover.framework.run.RunSettingsStore;

/**
 * Observation before mutation: a dry run ends after the plan ({@code PLANNED}); an apply passes the
 * {@link ApplyGate}: {@code REFUSED} (nothing is written), {@code UNCHANGED} (the executing
 * generation came from this very plan) or {@code STAGE}, and the run's plan report is given that
 * verdict. Deciding again on restart gives the same answer for the same plan.
 */
@Named
@Dependent
public class ModeDecider implements Decider {

    private static final Logger LOG = Logger.getLogger(ModeDecider.class);

    @Inject
    @BatchProperty
    String mode;

    @Inject
    JobContext jobContext;

    @Inject
    PlanStore plans;

    @Inject
    ExecutingModelReader models;

    @Inject
    RefusalLog refusals;

    @Inject
    RunSettingsStore settingsStore;

    @Override
    public String decide(StepExecution[] executions) {
        if (mode == null || mode.isEmpty() || RunParameters.DRY_RUN.equals(mode)) {
            return "PLANNED";
        }
        if (!RunParameters.APPLY.equals(mode)) {
            throw new IllegalArgumentException("mode must be dry-run or apply, was '" + mode + "'");
        }
        PlanReport report = plans.report(jobContext.getInstanceId())
                .orElseThrow(() -> new IllegalStateException("no plan report for this run"));
        String executingDigest = models.current(jobContext.getJobName()).digest();
        RunSettingsStore.Settings settings = settingsStore.of(jobContext);
        ApplyGate.Verdict verdict = ApplyGate.decide(report, settings.accepted(), settings.planDigest(), executingDigest);
        if (!verdict.refusals().isEmpty()) {
            refusals.record(jobContext.getExecutionId(), verdict.refusals());
        }
        // the report says what this apply decided, the digest gate included
        if (!verdict.equals(report.verdict())) {
            plans.saveVerdict(jobContext.getInstanceId(), report.withVerdict(verdict, report.applyCommand()));
        }
        LOG.infof("apply gate: %s", verdict.decision());
        return verdict.decision().name();
    }
}
