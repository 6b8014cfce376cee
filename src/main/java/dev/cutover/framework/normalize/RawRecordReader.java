package dev.cutover.framework.normalize;

import java.io.Serializable;
import java.util.List;

import jakarta.batch.api.BatchProperty;
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
 * Reads one source's raw items (the partition's {@code source}, from {@link SourceRecordsPartitionMapper})
 * one legacy record at a time (all copies of one id, or one item without a usable id), in record key
 * order. The items come by keyset ({@link RecordCursor} over {@link OutcomeStore#itemsAfter}, a range
 * scan per {@value #BATCH} items), so a pass is linear in the run's size.
 * <p>
 * Restart: the reader starts after the last record of its source that has an outcome
 * ({@link OutcomeStore#resumeAfter}), whatever checkpoint JBeret kept: the outcomes and the checkpoint
 * commit together, so the two agree, and the stored outcomes are there even where JBeret recorded no
 * partition. A restarted partition decides no record twice.
 */
@Named
@Dependent
public class RawRecordReader extends AbstractItemReader {

    private static final int BATCH = 2000;
    private static final int PROGRESS_EVERY = 10_000;
    private static final Logger LOG = Logger.getLogger(RawRecordReader.class);

    @Inject
    JobContext jobContext;

    @Inject
    OutcomeStore store;

    @Inject
    @BatchProperty
    String source;

    private RecordCursor records;
    private Position position;
    private long read;

    @Override
    public void open(Serializable checkpoint) {
        if (source == null || source.isEmpty()) {
            throw new IllegalStateException("the normalize step's reader needs its partition's source");
        }
        long runId = jobContext.getInstanceId();
        position = store.resumeAfter(runId, source);
        records = new RecordCursor(position.recordKey(), BATCH,
                (recordKey, index, limit) -> store.itemsAfter(runId, source, recordKey, index, limit));
    }

    @Override
    public Object readItem() {
        List<RawItem> record = records.next();
        if (record != null) {
            RawItem first = record.get(0);
            position = new Position(source, RecordKey.of(first.id(), first.index()));
            if (++read % PROGRESS_EVERY == 0) {
                LOG.debugf("normalize: %d records of source %s decided", read, source);
            }
        }
        return record;
    }

    @Override
    public Serializable checkpointInfo() {
        return position;
    }
}
