package dev.cutover.framework.stage;

import java.io.Serializable;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Hands out the ordinals of one range of the run's planned model ({@code planned_entity}; the partition's
 * {@code from} and {@code to}, from {@link PlannedRangePartitionMapper}), exactly the model whose digest
 * passed the gates, one item per entity, so that the step counts entities; the writer copies the chunk's
 * range of entities in the database (their planned members are their lineage). Nothing is read per item:
 * memory and round trips do not grow with the model.
 * <p>
 * Restart: the reader starts after the staged entities of its range when they are one run from its start
 * (its chunks commit in order), whatever checkpoint JBeret kept; otherwise (staged by ranges cut otherwise)
 * at its start, and the writer's copy adds nothing twice.
 */
@Named
@Dependent
public class PlannedEntityReader extends AbstractItemReader {

    @Inject
    JobContext jobContext;

    @Inject
    TargetStore targets;

    @Inject
    @BatchProperty
    String from;

    @Inject
    @BatchProperty
    String to;

    private int next;
    private int end;

    @Override
    public void open(Serializable checkpoint) {
        if (from == null || to == null) {
            throw new IllegalStateException("the stage step's reader needs its partition's range (from, to)");
        }
        int first = Integer.parseInt(from);
        end = Integer.parseInt(to);
        next = targets.resumeAt(jobContext.getInstanceId(), first, end);
    }

    @Override
    public Object readItem() {
        return next < end ? Integer.valueOf(next++) : null;
    }

    /** The next ordinal, for JBeret's record only: {@link #open} resumes from what is staged, not from this. */
    @Override
    public Serializable checkpointInfo() {
        return next;
    }
}
