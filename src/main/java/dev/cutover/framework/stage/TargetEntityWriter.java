package dev.cutover.framework.stage;

import java.util.ArrayList;
import java.util.List;

import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import dev.cutover.framework.run.WriteFence;
import dev.cutover.framework.run.TargetStore;
import dev.cutover.framework.run.TargetStore.PlannedEntity;

/** Writes planned entities and their lineage INERT, in the chunk's transaction, idempotently. */
@Named
@Dependent
public class TargetEntityWriter extends AbstractItemWriter {

    @Inject
    JobContext jobContext;

    @Inject
    WriteFence fence;

    @Inject
    TargetStore store;

    @Override
    public void writeItems(List<Object> items) {
        fence.check(jobContext.getJobName(), jobContext.getExecutionId());
        List<PlannedEntity> entities = new ArrayList<>(items.size());
        items.forEach(item -> entities.add((PlannedEntity) item));
        store.stage(jobContext.getInstanceId(), entities);
    }
}
