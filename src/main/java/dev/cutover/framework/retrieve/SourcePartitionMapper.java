package dev.cutover.framework.retrieve;

import java.util.List;
import java.util.Properties;

import jakarta.batch.api.partition.PartitionMapper;
import jakarta.batch.api.partition.PartitionPlan;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import dev.cutover.framework.run.RerunPartitions;
import dev.cutover.framework.run.RunSettingsStore;
import dev.cutover.framework.source.SourceEndpoint;

/**
 * One partition per source of the run's settings, run on at most {@code concurrency} threads. On
 * restart JBeret calls it again: the run's settings are the original ones ({@link RunSettingsStore}),
 * so the same partitions come out in the same order, and every one of them runs again
 * ({@link RerunPartitions}): each resumes after the pages the run stored of its source
 * ({@link SourcePageReader}), and one whose last page is stored ends at once without a request.
 */
@Named
@Dependent
public class SourcePartitionMapper implements PartitionMapper {

    @Inject
    JobContext jobContext;

    @Inject
    RunSettingsStore settingsStore;

    @Override
    public PartitionPlan mapPartitions() {
        RunSettingsStore.Settings settings = settingsStore.of(jobContext);
        List<SourceEndpoint> endpoints = settings.sources();
        if (endpoints.isEmpty()) {
            throw new IllegalStateException("no sources to read: give --source NAME=URL or configure cutover.migrations." + jobContext.getJobName() + ".sources.NAME.url");
        }
        Properties[] partitions = new Properties[endpoints.size()];
        for (int i = 0; i < partitions.length; i++) {
            partitions[i] = new Properties();
            partitions[i].setProperty("source", endpoints.get(i).name());
            partitions[i].setProperty("url", endpoints.get(i).baseUrl().toString());
        }
        return RerunPartitions.of(partitions, settings.concurrency());
    }
}
