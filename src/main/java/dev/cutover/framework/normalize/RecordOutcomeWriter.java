package dev.cutover.framework.normalize;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import dev.cutover.framework.run.AsyncCommit;
import dev.cutover.framework.run.ChunkWriter;
import dev.cutover.framework.run.WriteFence;

/**
 * Stores each record's {@link DecidedRecord} (its lineage outcome, and a migrated record's keyed leaves)
 * in the chunk's transaction, idempotently.
 */
@Named
@Dependent
public class RecordOutcomeWriter extends ChunkWriter {

    @Inject
    JobContext jobContext;

    @Inject
    WriteFence fence;

    @Inject
    DataSource dataSource;

    @Inject
    OutcomeStore store;

    @Override
    protected void writeChunk(List<Object> items) {
        // a lost commit is a chunk the restart decides and stores again, with its checkpoint
        AsyncCommit.forCurrentTransaction(dataSource);
        List<DecidedRecord> records = new ArrayList<>(items.size());
        items.forEach(item -> records.add((DecidedRecord) item));
        store.store(jobContext.getInstanceId(), records);
        // last, just before the commit: the check locks the lease row, which a takeover waits for
        fence.check(jobContext.getJobName(), jobContext.getExecutionId());
    }
}
