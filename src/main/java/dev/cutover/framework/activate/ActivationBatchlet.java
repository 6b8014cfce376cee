package dev.cutover.framework.activate;

import java.util.List;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.jboss.logging.Logger;

import dev.cutover.framework.metrics.CutoverMetrics;
import dev.cutover.framework.metrics.PhaseProgress;
import dev.cutover.framework.metrics.RunProgress;
import dev.cutover.framework.migration.AnomalyCodes;
import dev.cutover.framework.migration.Migrations;
import dev.cutover.framework.model.ExecutingModel;
import dev.cutover.framework.model.ModelKeyIndex;
import dev.cutover.framework.model.ModelOfRun;
import dev.cutover.framework.plan.PlanStore;
import dev.cutover.framework.run.RefusalLog.Refusal;
import dev.cutover.framework.run.RefusalLog;
import dev.cutover.framework.run.RunSettingsStore;
import dev.cutover.framework.run.StepProbe;
import dev.cutover.framework.run.WriteFence;
import dev.cutover.framework.source.ConcurrencyGates;
import dev.cutover.framework.source.SourceWaitStopped;
import dev.cutover.framework.stage.ValidatedModel;

/**
 * The atomic activation: checks that the run's staged model is the validated one with the plan's
 * digest, refuses on drift ({@code REFUSED}, nothing activated) unless {@code DRIFT} is accepted,
 * builds the new generation's key index for the migration's live executor ({@link
 * ModelKeyIndex#buildBeforeSwitch}), then switches the executing generation in one short transaction
 * ({@link GenerationSwitch}) and ends {@code ACTIVATED}. A crash before the commit leaves the old model executing; a restart runs
 * this step again.
 */
@Named
@Dependent
public class ActivationBatchlet extends AbstractBatchlet {

    private static final Logger LOG = Logger.getLogger(ActivationBatchlet.class);

    @Inject
    JobContext jobContext;

    @Inject
    WriteFence fence;

    @Inject
    PlanStore plans;

    @Inject
    GenerationSwitch generations;

    @Inject
    DriftCheck driftCheck;

    @Inject
    Migrations migrations;

    @Inject
    ConcurrencyGates gates;

    @Inject
    RefusalLog refusals;

    @Inject
    StepProbe probe;

    @Inject
    ModelKeyIndex keyIndex;

    @Inject
    CutoverMetrics metrics;

    @Inject
    RunProgress progress;

    @Inject
    jakarta.batch.runtime.context.StepContext stepContext;

    @Inject
    RunSettingsStore settingsStore;

    private volatile boolean stopped;

    /** A stop gives up the drift check's wait for the sources; the switch itself is never interrupted. */
    @Override
    public void stop() {
        stopped = true;
    }

    @Override
    public String process() {
        long runId = jobContext.getInstanceId();
        String migration = jobContext.getJobName();
        String digest = plans.digest(runId).orElseThrow(() -> new IllegalStateException("no plan for this run"));
        boolean validated = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> ValidatedModel.digestOf(runId)).filter(digest::equals).isPresent();
        if (!validated) {
            throw new IllegalStateException("the staged model of this run is not the validated one for plan " + digest);
        }
        ExecutingModel executing = generations.current(migration);
        if (executing.runId() != null && executing.runId() == runId) {
            // the switch committed before a crash kept JBeret from recording this step: done already
            LOG.infof("activate: %s already executes generation %d of this run", migration, executing.generation());
            return "ACTIVATED";
        }
        RunSettingsStore.Settings settings = settingsStore.of(jobContext);
        PhaseProgress phase = progress.phase(jobContext.getExecutionId(), stepContext.getStepName());
        if (!settings.accepted().contains(AnomalyCodes.DRIFT)) {
            phase.activity("drift check: asking " + settings.sources().size() + " sources for changes since retrieval");
            List<String> drift;
            try {
                drift = driftCheck.drifted(runId, migrations.require(migration).sourceProtocol(), settings.sources(),
                        gates.forExecution(jobContext.getExecutionId(), settings.concurrency()), () -> stopped);
            } catch (SourceWaitStopped e) {
                // nothing was switched; JBeret ends the step STOPPED and a restart runs it again
                LOG.infof("activate: %s", e.getMessage());
                return "STOPPED";
            }
            if (!drift.isEmpty()) {
                refusals.record(jobContext.getExecutionId(), List.of(new Refusal(AnomalyCodes.DRIFT,
                        "legacy configuration changed after it was retrieved: " + String.join("; ", drift)
                                + " (plan again, or accept with --accept DRIFT)")));
                return "REFUSED";
            }
        }
        // outside the critical section, and before it: the live executor's first unit after the switch
        // finds the new generation indexed (222,350 policies: 1.1 s here, which it would otherwise wait)
        phase.activity("indexing the new generation by key for the live executor");
        keyIndex.buildBeforeSwitch(migrations.require(migration), new ModelOfRun(runId, false));
        String entityKind = plans.entityKind(runId).orElse("entities");
        phase.activity("switching to the new generation");
        generations.rehearse(migration, runId, digest, entityKind, jobContext.getExecutionId());
        long start = System.nanoTime();
        int generation = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> {
            fence.check(migration, jobContext.getExecutionId());
            int next = generations.activate(migration, runId, digest, entityKind, jobContext.getExecutionId());
            probe.reached("activate-before-commit");
            return next;
        });
        long criticalSection = System.nanoTime() - start;
        probe.reached("activate-after-commit");
        metrics.activated(migration, java.time.Duration.ofNanos(criticalSection));
        LOG.infof("activate: %s executes generation %d (critical section %.1f ms)", migration, generation,
                criticalSection / 1e6);
        return "ACTIVATED";
    }
}
