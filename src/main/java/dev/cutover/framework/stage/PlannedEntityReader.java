package dev.cutover.framework.stage;

import java.io.Serializable;

import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import dev.cutover.framework.metrics.RunProgress;
import dev.cutover.framework.plan.PlanStore;

/**
 * Hands out the ordinals of the run's planned model ({@code planned_entity}), exactly the model whose
 * digest passed the gates, one item per entity, so that the step counts entities; the writer copies the
 * chunk's range of entities and their lineage in the database. Nothing is read per item: memory and
 * round trips do not grow with the model. The checkpoint is the ordinal of the next entity, so a
 * restarted stage continues where the last committed chunk ended.
 */
@Named
@Dependent
public class PlannedEntityReader extends AbstractItemReader {

    @Inject
    JobContext jobContext;

    @Inject
    PlanStore plans;

    @Inject
    jakarta.batch.runtime.context.StepContext stepContext;

    @Inject
    RunProgress progress;

    private int next;
    private int count;

    @Override
    public void open(Serializable checkpoint) {
        long runId = jobContext.getInstanceId();
        if (plans.digest(runId).isEmpty()) {
            throw new IllegalStateException("the run has no planned model to stage");
        }
        count = plans.plannedEntityCount(runId);
        next = checkpoint == null ? 0 : (Integer) checkpoint;
        // ItemCountListener adds each written chunk
        progress.phase(jobContext.getExecutionId(), stepContext.getStepName()).counting(null,
                plans.entityKind(runId).orElse("entities"), count, next);
    }

    @Override
    public Object readItem() {
        return next < count ? Integer.valueOf(next++) : null;
    }

    @Override
    public Serializable checkpointInfo() {
        return next;
    }
}
