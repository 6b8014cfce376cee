package dev.cutover.framework.metrics;

import java.util.List;
import java.util.concurrent.atomic.LongAdder;

import jakarta.batch.api.chunk.listener.ItemReadListener;
import jakarta.batch.api.chunk.listener.ItemWriteListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Counts the items a chunk step reads and writes into {@link CutoverMetrics}, per migration and step
 * (partitions of one step add up), and the written ones into the step's {@link PhaseProgress} (whose
 * reader said what they are and how many there are; the retrieve phase counts by source instead).
 * Written items are counted when handed to the writer: a chunk that then rolls back and is replayed
 * counts twice, which a rate graph tolerates. Reads are added up here and handed to the counter once
 * per chunk (a million items must not mean a million meter look-ups).
 */
@Named
@Dependent
public class ItemCountListener implements ItemReadListener, ItemWriteListener {

    @Inject
    JobContext jobContext;

    @Inject
    StepContext stepContext;

    @Inject
    CutoverMetrics metrics;

    @Inject
    RunProgress progress;

    private PhaseProgress phase;

    @Override
    public void beforeRead() {
    }

    private final LongAdder pendingReads = new LongAdder();

    @Override
    public void afterRead(Object item) {
        if (item != null) { // null: the reader has no more items
            pendingReads.increment();
        }
    }

    @Override
    public void onReadError(Exception e) {
    }

    @Override
    public void beforeWrite(List<Object> items) {
    }

    @Override
    public void afterWrite(List<Object> items) {
        flushReads();
        metrics.itemsWritten(jobContext.getJobName(), stepContext.getStepName(), items.size());
        if (phase == null) {
            phase = progress.phase(jobContext.getExecutionId(), stepContext.getStepName());
        }
        phase.add(items.size());
    }

    @Override
    public void onWriteError(List<Object> items, Exception e) {
        flushReads();
    }

    private void flushReads() {
        long reads = pendingReads.sumThenReset();
        if (reads > 0) {
            metrics.itemsRead(jobContext.getJobName(), stepContext.getStepName(), reads);
        }
    }
}
