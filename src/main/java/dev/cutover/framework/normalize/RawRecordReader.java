package dev.cutover.framework.normalize;

import java.io.Serializable;
import java.util.List;

import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.jboss.logging.Logger;

import dev.cutover.framework.metrics.RunProgress;
import dev.cutover.framework.migration.RawItem;
import dev.cutover.framework.normalize.OutcomeStore.Position;
import dev.cutover.framework.run.RecordKey;

/**
 * Reads the run's raw items one legacy record at a time (all copies of one (source, id), or one
 * item without a usable id), in a fixed order: (source, record key). The items come by keyset
 * ({@link RecordCursor} over {@link OutcomeStore#itemsAfter}, a range scan per {@value #BATCH} items),
 * so a pass is linear in the run's size. The checkpoint is the last record handed out, so a restart continues with the
 * next record and decides no record twice.
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
    jakarta.batch.runtime.context.StepContext stepContext;

    @Inject
    RunProgress progress;

    private RecordCursor records;
    private Position position;
    private long read;

    @Override
    public void open(Serializable checkpoint) {
        position = checkpoint == null ? Position.START : (Position) checkpoint;
        // the retrieve step has just bulk-loaded raw_record: plan the reads on its real size
        store.analyzeRawRecords();
        long runId = jobContext.getInstanceId();
        // what the phase counts (ItemCountListener adds each written chunk): counted once per step start
        progress.phase(jobContext.getExecutionId(), stepContext.getStepName()).counting(null, "records",
                store.recordCount(runId), checkpoint == null ? 0 : store.outcomeCount(runId));
        records = new RecordCursor(position, BATCH,
                (source, recordKey, index, limit) -> store.itemsAfter(runId, source, recordKey, index, limit));
    }

    @Override
    public Object readItem() {
        List<RawItem> record = records.next();
        if (record != null) {
            RawItem first = record.get(0);
            position = new Position(first.source(), RecordKey.of(first.id(), first.index()));
            if (++read % PROGRESS_EVERY == 0) {
                LOG.debugf("normalize: %d records decided (now at source %s)", read, first.source());
            }
        }
        return record;
    }

    @Override
    public Serializable checkpointInfo() {
        return position;
    }
}
