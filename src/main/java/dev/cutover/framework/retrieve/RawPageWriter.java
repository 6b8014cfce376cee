package dev.cutover.framework.retrieve;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import dev.cutover.framework.run.StepProbe;
import dev.cutover.framework.run.AsyncCommit;
import dev.cutover.framework.run.WriteFence;

/**
 * Stores fetched pages and their raw items for the run, in the chunk's transaction (together with
 * the reader's checkpoint). Idempotent: a page stored before a crash is not stored twice.
 */
@Named
@Dependent
public class RawPageWriter extends AbstractItemWriter {

    @Inject
    JobContext jobContext;

    @Inject
    WriteFence fence;

    @Inject
    DataSource dataSource;

    @Inject
    StepProbe probe;

    @Inject
    RetrievalStore store;

    @Override
    public void writeItems(List<Object> pages) {
        probe.reached("retrieve-write");
        // a lost commit is a chunk the restart fetches and stores again, with its checkpoint
        AsyncCommit.forCurrentTransaction(dataSource);
        List<FetchedPage> fetched = new ArrayList<>(pages.size());
        pages.forEach(page -> fetched.add((FetchedPage) page));
        store.store(jobContext.getInstanceId(), fetched);
        // last, just before the commit: the check locks the lease row, which a takeover waits for
        fence.check(jobContext.getJobName(), jobContext.getExecutionId());
    }
}
