package dev.cutover.framework.retrieve;

import java.io.Serializable;
import java.util.Set;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.jboss.logging.Logger;

import dev.cutover.framework.metrics.CutoverMetrics;
import dev.cutover.framework.migration.Migrations;
import dev.cutover.framework.run.FailureLog;
import dev.cutover.framework.run.RunSettingsStore;
import dev.cutover.framework.run.StopRequests;
import dev.cutover.framework.source.ConcurrencyGate;
import dev.cutover.framework.source.ConcurrencyGates;
import dev.cutover.framework.source.SourceClient;
import dev.cutover.framework.source.SourceEndpoint;
import dev.cutover.framework.source.SourceFailure;
import dev.cutover.framework.source.SourcePage;
import dev.cutover.framework.source.SourceProtocol;
import dev.cutover.framework.source.SourceRetryConfig;
import dev.cutover.framework.source.SourceWaitStopped;
import dev.cutover.framework.source.StopSignal;

/**
 * Reads one source partition page by page through the migration's {@link SourceProtocol}; one item =
 * one page, checkpointed after each chunk as a {@link RetrievalCheckpoint}. The requests run ahead of
 * the chunks on a {@link PageLookahead}, so a partition's next page downloads while its last one is
 * stored; only pages handed to a committed chunk count as read. On restart it resumes at the checkpointed cursor
 * and refetches nothing already stored; a partition that JBeret starts without a checkpoint resumes after
 * the source's pages the run stored (the same position: pages and checkpoint commit together), so a
 * source's partition started afresh on restart ({@link SourcePartitionMapper}) fetches only what is missing. Only {@code next_cursor: null} ends the listing; a
 * {@code next_cursor} already requested in this partition fails the execution, and so does a page whose
 * watermark is below the first page's (the source went back to an older state). A stop requested while
 * a page is awaited (a slow source, a {@code Retry-After}) ends the partition at once, STOPPED at the
 * last stored page.
 */
@Named
@Dependent
public class SourcePageReader extends AbstractItemReader {

    private static final Logger LOG = Logger.getLogger(SourcePageReader.class);

    /** Pages fetched ahead of the chunk that stores them (besides the one on the wire). */
    private static final int LOOKAHEAD = 2;

    @Inject
    @BatchProperty
    String source;

    @Inject
    @BatchProperty
    String url;

    @Inject
    JobContext jobContext;

    @Inject
    SourceClient client;

    @Inject
    ConcurrencyGates gates;

    @Inject
    RetrievalStore store;

    @Inject
    FailureLog failureLog;

    @Inject
    SourceRetryConfig config;

    @Inject
    StopRequests stopRequests;

    @Inject
    RunSettingsStore settingsStore;

    @Inject
    Migrations migrations;

    @Inject
    CutoverMetrics metrics;

    private SourceProtocol protocol;
    private StopSignal stopSignal;
    private SourceEndpoint endpoint;
    private RetrievalCheckpoint position;
    private Set<String> requested;
    private int concurrency;
    private PageLookahead lookahead;
    /** The watermark of the source's first page in this run, once known. */
    private Long baseline;

    @Override
    public void open(Serializable checkpoint) {
        endpoint = SourceEndpoint.of(source, url);
        protocol = migrations.require(jobContext.getJobName()).sourceProtocol();
        stopSignal = stopRequests.of(jobContext.getExecutionId());
        concurrency = settingsStore.of(jobContext).concurrency();
        RetrievalCheckpoint stored = checkpoint == null
                ? store.storedPosition(jobContext.getInstanceId(), source).orElse(null)
                : (RetrievalCheckpoint) checkpoint;
        position = stored == null ? RetrievalCheckpoint.start() : stored;
        requested = store.requestedCursors(jobContext.getInstanceId(), source);
        metrics.registerSource(jobContext.getJobName(), source);
        if (stored != null && stored.done()) {
            LOG.infof("retrieve %s: all %d pages were stored before", source, stored.pageNo());
        } else if (stored != null) {
            LOG.infof("retrieve %s: resuming at page %d (%s)", source, position.pageNo(),
                    SourceFailure.describeCursor(position.cursor()));
        }
    }

    @Override
    public Object readItem() {
        if (position.done()) {
            return null;
        }
        try {
            return next();
        } catch (SourceWaitStopped stopped) {
            // JBeret sees the stop request at this chunk boundary: the partition ends STOPPED with its
            // checkpoint still at this page's cursor, which a restart asks for again
            LOG.infof("retrieve %s: stopped while waiting for %s", source, SourceFailure.describeCursor(position.cursor()));
            return null;
        } catch (SourceFailure e) {
            failureLog.record(jobContext.getExecutionId(), "retrieve", e);
            throw e;
        }
    }

    private FetchedPage next() {
        if (lookahead == null) {
            ConcurrencyGate gate = gates.forExecution(jobContext.getExecutionId(), concurrency);
            lookahead = new PageLookahead(source, position.cursor(), requested,
                    cursor -> client.page(protocol, endpoint, cursor, config.pageSize(), gate, stopSignal), LOOKAHEAD);
        }
        PageLookahead.Ahead ahead = lookahead.next();
        SourcePage page = ahead.page();
        int pageNo = position.pageNo();
        checkWatermark(pageNo, ahead.cursor(), page.watermark());
        int firstIndex = position.nextIndex();
        position = position.after(page.nextCursor(), page.items().size());
        return new FetchedPage(source, pageNo, ahead.cursor(), firstIndex, page);
    }

    /**
     * A source's watermark only grows (DESIGN.md §4): a page below the first page's (the drift check's
     * baseline) came from an older state of the source, a lagging replica or a restored backup, and
     * put together with the others it would plan, and activate, values the source no longer holds.
     */
    private void checkWatermark(int pageNo, String cursor, long watermark) {
        if (pageNo == 0) {
            baseline = watermark;
        } else if (baseline == null) {
            // resumed after the first page was stored
            baseline = store.baseline(jobContext.getInstanceId(), source).orElse(Long.MIN_VALUE);
        }
        if (watermark < baseline) {
            throw new SourceFailure(source, cursor, "the watermark went back from " + baseline + " (the first page's) to "
                    + watermark + ": the source answered from an older state (a lagging replica, a restored backup), "
                    + "so its pages do not describe one state of it", null);
        }
    }

    @Override
    public Serializable checkpointInfo() {
        return position;
    }

    @Override
    public void close() {
        if (lookahead != null) {
            lookahead.close();
            lookahead = null;
        }
    }
}
