package dev.cutover.framework.retrieve;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.jboss.logging.Logger;

import dev.cutover.framework.metrics.CutoverMetrics;
import dev.cutover.framework.metrics.PhaseProgress;
import dev.cutover.framework.metrics.RunProgress;
import dev.cutover.framework.run.AsyncCommit;
import dev.cutover.framework.run.ChunkWriter;
import dev.cutover.framework.run.StepProbe;
import dev.cutover.framework.run.WriteFence;

/**
 * Stores fetched pages and their raw items for the run, in the chunk's transaction (together with
 * the reader's checkpoint); with a source's last page it counts and stores the source's distinct fetched
 * ids, the unit of its total ({@link RetrievalStore#countFetchedIds}). Progress in that unit: while a
 * source lists, its listed items stand for its records (at most its total: copies of an id are counted
 * until the count replaces them), exact from its last page on. Idempotent: a page stored before a crash
 * is not stored twice, and its count is made again from the same items. Restart: nothing to carry
 * over; the count is made over every stored item of the source, whichever execution stored it.
 */
@Named
@Dependent
public class RawPageWriter extends ChunkWriter {

    private static final Logger LOG = Logger.getLogger(RawPageWriter.class);

    @Inject
    JobContext jobContext;

    @Inject
    StepContext stepContext;

    @Inject
    WriteFence fence;

    @Inject
    DataSource dataSource;

    @Inject
    StepProbe probe;

    @Inject
    RetrievalStore store;

    @Inject
    RunProgress runProgress;

    @Inject
    CutoverMetrics metrics;

    private PhaseProgress phase;
    /** The source's records stored by earlier executions (as far as its listing tells), not this one's rate. */
    private long alreadyDone;

    @Override
    public void open(Serializable checkpoint) {
        phase = null;
    }

    @Override
    protected void writeChunk(List<Object> pages) {
        probe.reached("retrieve-write");
        // a lost commit is a chunk the restart fetches and stores again, with its checkpoint
        AsyncCommit.forCurrentTransaction(dataSource);
        long runId = jobContext.getInstanceId();
        List<FetchedPage> fetched = new ArrayList<>(pages.size());
        for (Object page : pages) {
            fetched.add((FetchedPage) page);
        }
        store.store(runId, fetched);
        FetchedPage last = fetched.get(fetched.size() - 1);
        long records = last.last() ? store.countFetchedIds(runId, last.source(), last.pageNo()) : -1;
        // last, just before the commit: the check locks the lease row, which a takeover waits for
        fence.check(jobContext.getJobName(), jobContext.getExecutionId());
        progress(fetched.get(0), last, records);
    }

    /**
     * Progress against the source's total, which counts distinct ids (not listed copies): once per chunk.
     * The phase's lines replace a log line per page (DEBUG here).
     *
     * @param records the source's distinct fetched ids once its last page is stored, else -1
     */
    private void progress(FetchedPage first, FetchedPage last, long records) {
        String source = last.source();
        long total = last.page().total();
        boolean done = records >= 0;
        long fetched = done ? records : ListedRecords.of(last.listedThrough(), total);
        if (phase == null) {
            phase = runProgress.phase(jobContext.getExecutionId(), stepContext.getStepName());
            alreadyDone = ListedRecords.of(first.firstIndex(), total);
        }
        phase.source(source, fetched, total, done, alreadyDone);
        if (done) {
            // a counter cannot take back copies counted while the source listed: it gains the exact count once
            metrics.recordsFetched(jobContext.getJobName(), source, records);
        }
        if (LOG.isDebugEnabled()) {
            long percent = total == 0 ? 100 : Math.min(100, fetched * 100L / total);
            LOG.debugf("retrieve %s: %d/%d records (%d%%), page %d%s", source, fetched, total, percent,
                    last.pageNo() + 1, done ? ", done" : "");
        }
    }
}
