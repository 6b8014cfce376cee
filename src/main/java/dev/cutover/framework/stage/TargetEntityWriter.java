package dev.cutover.framework.stage;

import java.util.ArrayList;
import java.util.List;

import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import dev.cutover.framework.run.StepProbe;
import dev.cutover.framework.run.WriteFence;
import dev.cutover.framework.stage.TargetStore.PlannedEntity;

/** Writes planned entities and their lineage INERT, in the chunk's transaction, idempotently. */
@Named
@Dependent
public class TargetEntityWriter extends AbstractItemWriter {

    @Inject
    JobContext jobContext;

    @Inject
    WriteFence fence;

    @Inject
    StepProbe probe;

    @Inject
    TargetStore store;

    @Override
    public void writeItems(List<Object> items) {
        probe.reached("stage-write");
        List<PlannedEntity> entities = new ArrayList<>(items.size());
        items.forEach(item -> entities.add((PlannedEntity) item));
        store.stage(jobContext.getInstanceId(), entities);
        // last, just before the commit: the check locks the lease row, which a takeover waits for
        fence.check(jobContext.getJobName(), jobContext.getExecutionId());
    }
}
