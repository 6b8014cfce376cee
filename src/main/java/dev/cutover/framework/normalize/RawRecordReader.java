package dev.cutover.framework.normalize;

import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.ArrayList;
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
 * item without a usable id), in a fixed order: (source, record key). The items come by keyset
 * ({@link OutcomeStore#itemsAfter}, a range scan per {@value #BATCH} items), so a pass is linear in
 * the run's size; a record whose copies straddle two batches is handed out once the batch after it
 * shows where it ends. The checkpoint is the last record handed out, so a restart continues with the
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

    private final Deque<List<RawItem>> buffer = new ArrayDeque<>();
    /** Copies read of the last record of the last batch: its next copies may be in the next batch. */
    private List<RawItem> pending;
    private String pendingKey;
    private Position position;
    /** The last item read from the database: where the next batch starts. */
    private String afterSource;
    private String afterKey;
    private int afterIndex;
    private boolean exhausted;
    private long read;

    @Override
    public void open(Serializable checkpoint) {
        position = checkpoint == null ? Position.START : (Position) checkpoint;
        // after every copy of the checkpointed record: no item has a greater index
        afterSource = position.source();
        afterKey = position.recordKey();
        afterIndex = Integer.MAX_VALUE;
        // the retrieve step has just bulk-loaded raw_record: plan the reads on its real size
        store.analyzeRawRecords();
    }

    @Override
    public Object readItem() {
        while (buffer.isEmpty() && !exhausted) {
            fill();
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

    private void fill() {
        List<OutcomeStore.KeyedItem> items = store.itemsAfter(jobContext.getInstanceId(), afterSource, afterKey, afterIndex,
                BATCH);
        for (OutcomeStore.KeyedItem keyed : items) {
            RawItem item = keyed.item();
            String key = item.source() + '\u0000' + keyed.recordKey();
            if (!key.equals(pendingKey)) {
                if (pending != null) {
                    buffer.add(pending);
                }
                pending = new ArrayList<>(1);
                pendingKey = key;
            }
            pending.add(item);
            afterSource = item.source();
            afterKey = keyed.recordKey();
            afterIndex = item.index();
        }
        if (items.size() < BATCH) {
            exhausted = true;
            if (pending != null) {
                buffer.add(pending);
                pending = null;
            }
        }
    }

    @Override
    public Serializable checkpointInfo() {
        return position;
    }
}
