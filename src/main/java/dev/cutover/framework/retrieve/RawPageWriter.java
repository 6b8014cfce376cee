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
 * the reader's checkpoint), each page with the distinct ids of its source fetched up to it
 * ({@link FetchedIdCount}: the page's ids recorded with the run's in this transaction, those not
 * recorded before counted), and reports the source's progress in that unit. Idempotent: a page stored before a crash is
 * not stored twice. Restart: the count goes on from the one stored with the source's last stored page.
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

    /** The partition's source's count, made at the first write (a partition reads one source). */
    private FetchedIdCount ids;
    private PhaseProgress phase;
    private long idsAtOpen;
    private long idsReported;

    @Override
    public void open(Serializable checkpoint) {
        // reopened after a rolled-back chunk: the count starts again from what is stored
        ids = null;
    }

    @Override
    protected void writeChunk(List<Object> pages) {
        probe.reached("retrieve-write");
        // a lost commit is a chunk the restart fetches and stores again, with its checkpoint
        AsyncCommit.forCurrentTransaction(dataSource);
        long runId = jobContext.getInstanceId();
        List<FetchedPage> counted = new ArrayList<>(pages.size());
        for (Object item : pages) {
            FetchedPage page = (FetchedPage) item;
            counted.add(page.counted(count(runId, page.source()).add(page.page().items())));
        }
        store.store(runId, counted);
        // last, just before the commit: the check locks the lease row, which a takeover waits for
        fence.check(jobContext.getJobName(), jobContext.getExecutionId());
        progress(counted.get(counted.size() - 1));
    }

    private FetchedIdCount count(long runId, String source) {
        if (ids == null) {
            idsAtOpen = store.fetchedIdCount(runId, source);
            if (idsAtOpen > 0) {
                store.recordFetchedIdsOfStoredItems(runId, source);
            }
            idsReported = idsAtOpen;
            ids = new FetchedIdCount(idsAtOpen, keys -> store.recordFetchedIds(runId, source, keys));
            phase = runProgress.phase(jobContext.getExecutionId(), stepContext.getStepName());
        }
        return ids;
    }

    /**
     * Progress against the source's total, which counts distinct ids (not listed copies): once per chunk.
     * The phase's lines replace a log line per page (DEBUG here).
     */
    private void progress(FetchedPage last) {
        String source = last.source();
        long fetched = last.distinctIds();
        long total = last.page().total();
        boolean done = last.page().nextCursor() == null;
        phase.source(source, fetched, total, done, idsAtOpen);
        metrics.recordsFetched(jobContext.getJobName(), source, fetched - idsReported);
        idsReported = fetched;
        if (LOG.isDebugEnabled()) {
            long percent = total == 0 ? 100 : Math.min(100, fetched * 100L / total);
            LOG.debugf("retrieve %s: %d/%d records (%d%%), page %d%s", source, fetched, total, percent,
                    last.pageNo() + 1, done ? ", done" : "");
        }
    }
}
