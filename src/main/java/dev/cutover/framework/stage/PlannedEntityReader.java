package dev.cutover.framework.stage;

import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Deque;

import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.cutover.framework.plan.PlanStore;
import dev.cutover.framework.stage.TargetStore.PlannedEntity;

/**
 * Reads the entities of the run's planned model ({@code planned_entity}), exactly the model whose
 * digest passed the gates, a page of {@value #PAGE} at a time by ordinal: memory does not grow with the
 * model. The checkpoint is the ordinal of the next entity, so a restarted stage continues where the
 * last committed chunk ended.
 */
@Named
@Dependent
public class PlannedEntityReader extends AbstractItemReader {

    static final int PAGE = 1000;

    @Inject
    JobContext jobContext;

    @Inject
    PlanStore plans;

    @Inject
    ObjectMapper json;

    private final Deque<PlannedEntity> page = new ArrayDeque<>();
    private int next;
    private boolean exhausted;

    @Override
    public void open(Serializable checkpoint) {
        if (plans.digest(jobContext.getInstanceId()).isEmpty()) {
            throw new IllegalStateException("the run has no planned model to stage");
        }
        next = checkpoint == null ? 0 : (Integer) checkpoint;
    }

    @Override
    public Object readItem() throws Exception {
        if (page.isEmpty() && !exhausted) {
            int ordinal = next;
            for (String body : plans.plannedEntities(jobContext.getInstanceId(), next, PAGE)) {
                page.add(new PlannedEntity(ordinal++, json.readTree(body)));
            }
            exhausted = page.size() < PAGE;
        }
        PlannedEntity entity = page.poll();
        if (entity != null) {
            next = entity.ordinal() + 1;
        }
        return entity;
    }

    @Override
    public Serializable checkpointInfo() {
        return next;
    }
}
