package dev.cutover.framework.stage;

import java.util.List;

import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import dev.cutover.framework.run.ChunkWriter;
import dev.cutover.framework.run.StepProbe;
import dev.cutover.framework.run.WriteFence;

/**
 * Copies a chunk's range of planned entities INERT, in the chunk's transaction, idempotently (a replayed
 * chunk inserts nothing twice); a staged entity's lineage is its planned members ({@link TargetStore#stage}).
 */
@Named
@Dependent
public class TargetEntityWriter extends ChunkWriter {

    @Inject
    JobContext jobContext;

    @Inject
    WriteFence fence;

    @Inject
    StepProbe probe;

    @Inject
    TargetStore store;

    @Override
    protected void writeChunk(List<Object> items) {
        probe.reached("stage-write");
        // the reader hands out consecutive ordinals: a chunk is one range of the model
        int first = (Integer) items.get(0);
        int last = (Integer) items.get(items.size() - 1);
        if (last - first + 1 != items.size()) {
            throw new IllegalStateException("stage expects consecutive ordinals, got " + items.size() + " from " + first
                    + " to " + last);
        }
        store.stage(jobContext.getInstanceId(), first, last + 1);
        // last, just before the commit: the check locks the lease row, which a takeover waits for
        fence.check(jobContext.getJobName(), jobContext.getExecutionId());
    }
}
