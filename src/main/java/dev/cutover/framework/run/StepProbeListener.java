package dev.cutover.framework.run;

import java.util.List;

import jakarta.batch.api.chunk.listener.ChunkListener;
import jakarta.batch.api.chunk.listener.ItemWriteListener;
import jakarta.batch.api.listener.StepListener;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Reports the boundaries of every step and chunk to the {@link StepProbe}, named after the step:
 * {@code <step>-begin} and {@code <step>-end} (on the step's thread, before the step's first and after
 * its last work, before JBeret records its end), {@code <step>-chunk-write} (items read and processed,
 * nothing written), {@code <step>-chunk-end} (written and checkpoint saved, in the chunk's transaction
 * before its commit; also for the last, empty chunk) and {@code <step>-chunk-committed} (after that
 * commit). Partitions report under their step's name. Per chunk, not per item; a no-op unless the
 * process was told to trace, halt or pause.
 */
@Named
@Dependent
public class StepProbeListener implements StepListener, ChunkListener, ItemWriteListener {

    @Inject
    StepContext stepContext;

    @Inject
    StepProbe probe;

    @Override
    public void beforeStep() {
        probe.reached(stepContext.getStepName() + "-begin");
    }

    @Override
    public void afterStep() {
        probe.reached(stepContext.getStepName() + "-end");
    }

    @Override
    public void beforeChunk() {
    }

    @Override
    public void onError(Exception e) {
    }

    @Override
    public void afterChunk() {
        String step = stepContext.getStepName();
        probe.reachedAfterCommit(step + "-chunk-committed");
        probe.reached(step + "-chunk-end");
    }

    @Override
    public void beforeWrite(List<Object> items) {
        probe.reached(stepContext.getStepName() + "-chunk-write");
    }

    @Override
    public void afterWrite(List<Object> items) {
    }

    @Override
    public void onWriteError(List<Object> items, Exception e) {
    }
}
