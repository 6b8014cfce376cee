package dev.cutover.framework.normalize;

import java.util.List;
import java.util.Properties;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.partition.PartitionMapper;
import jakarta.batch.api.partition.PartitionPlan;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import dev.cutover.framework.metrics.RunProgress;
import dev.cutover.framework.retrieve.RetrievalStore;
import dev.cutover.framework.run.PartitionThreads;
import dev.cutover.framework.run.RerunPartitions;
import dev.cutover.framework.run.RunSettingsStore;
import dev.cutover.framework.source.SourceEndpoint;

/**
 * The normalize step's partitions: one per source of the run's settings, so that the records of
 * different sources are decided on several threads (a normalizer is pure and thread-safe, and a
 * record's copies all come from one source). Threads: the {@code threads} property (the system
 * property {@code cutover.normalize.threads} in the job XML) when given, else one per available
 * processor; never more than the sources.
 * <p>
 * Once per step start, before any partition reads, it refreshes the statistics of {@code raw_record}
 * (the retrieve step has just bulk-loaded it) and tells the step's progress how many records there are
 * (as the retrieve step counted them with each source's last page, {@link RetrievalStore#records}) and
 * how many earlier executions decided.
 * <p>
 * On restart every source's partition runs again ({@link RerunPartitions}):
 * each resumes after the last record its source has an outcome for ({@link RawRecordReader}), and one
 * whose source is decided ends at once.
 */
@Named
@Dependent
public class SourceRecordsPartitionMapper implements PartitionMapper {

    @Inject
    JobContext jobContext;

    @Inject
    StepContext stepContext;

    @Inject
    RunSettingsStore settingsStore;

    @Inject
    OutcomeStore store;

    @Inject
    RetrievalStore retrieval;

    @Inject
    RunProgress progress;

    @Inject
    @BatchProperty
    String threads;

    @Override
    public PartitionPlan mapPartitions() {
        long runId = jobContext.getInstanceId();
        List<SourceEndpoint> sources = settingsStore.of(jobContext).sources();
        store.analyzeRawRecords();
        // what the phase counts (ItemCountListener adds each written chunk, whichever partition wrote it)
        progress.phase(jobContext.getExecutionId(), stepContext.getStepName()).counting(null, "records",
                retrieval.records(runId), store.outcomeCount(runId));
        Properties[] partitions = new Properties[sources.size()];
        for (int i = 0; i < partitions.length; i++) {
            partitions[i] = new Properties();
            partitions[i].setProperty("source", sources.get(i).name());
        }
        return RerunPartitions.of(partitions,
                PartitionThreads.of(threads, Runtime.getRuntime().availableProcessors(), "cutover.normalize.threads"));
    }
}
