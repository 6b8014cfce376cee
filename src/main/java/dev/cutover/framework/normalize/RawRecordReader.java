package dev.cutover.framework.normalize;

import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.jboss.logging.Logger;

import dev.cutover.framework.migration.RawItem;
import dev.cutover.framework.normalize.OutcomeStore.Position;
import dev.cutover.framework.run.RecordKey;

/**
 * Reads the run's raw items one legacy record at a time (all copies of one (source, id), or one
 * item without a usable id), in a fixed order. The checkpoint is the last record handed out, so a
 * restart continues with the next record and decides no record twice.
 */
@Named
@Dependent
public class RawRecordReader extends AbstractItemReader {

    private static final int BATCH = 500;
    private static final int PROGRESS_EVERY = 10_000;
    private static final Logger LOG = Logger.getLogger(RawRecordReader.class);

    @Inject
    JobContext jobContext;

    @Inject
    OutcomeStore store;

    private final Deque<List<RawItem>> buffer = new ArrayDeque<>();
    private Position position;
    private boolean exhausted;
    private long read;

    @Override
    public void open(Serializable checkpoint) {
        position = checkpoint == null ? Position.START : (Position) checkpoint;
    }

    @Override
    public Object readItem() {
        if (buffer.isEmpty() && !exhausted) {
            List<List<RawItem>> next = store.recordsAfter(jobContext.getInstanceId(), position, BATCH);
            exhausted = next.size() < BATCH;
            buffer.addAll(next);
        }
        List<RawItem> record = buffer.poll();
        if (record != null) {
            RawItem first = record.get(0);
            position = new Position(first.source(), RecordKey.of(first.id(), first.index()));
            if (++read % PROGRESS_EVERY == 0) {
                LOG.infof("normalize: %d records decided (now at source %s)", read, first.source());
            }
        }
        return record;
    }

    @Override
    public Serializable checkpointInfo() {
        return position;
    }
}
