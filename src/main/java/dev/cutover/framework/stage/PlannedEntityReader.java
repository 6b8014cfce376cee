package dev.cutover.framework.stage;

import java.io.Serializable;

import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.cutover.framework.plan.PlanStore;
import dev.cutover.framework.stage.TargetStore.PlannedEntity;

/**
 * Reads the entities of the run's planned model, exactly the model whose digest passed the gates.
 * The checkpoint is the index of the next entity, so a restarted stage continues where the last
 * committed chunk ended.
 */
@Named
@Dependent
public class PlannedEntityReader extends AbstractItemReader {

    @Inject
    JobContext jobContext;

    @Inject
    PlanStore plans;

    @Inject
    ObjectMapper json;

    private JsonNode model;
    private int next;

    @Override
    public void open(Serializable checkpoint) throws Exception {
        String text = plans.model(jobContext.getInstanceId())
                .orElseThrow(() -> new IllegalStateException("the run has no planned model to stage"));
        model = json.readTree(text);
        next = checkpoint == null ? 0 : (Integer) checkpoint;
    }

    @Override
    public Object readItem() {
        if (next >= model.size()) {
            return null;
        }
        PlannedEntity entity = new PlannedEntity(next, model.get(next));
        next++;
        return entity;
    }

    @Override
    public Serializable checkpointInfo() {
        return next;
    }
}
