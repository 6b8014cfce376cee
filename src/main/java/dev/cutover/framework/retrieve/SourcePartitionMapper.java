package dev.cutover.framework.retrieve;

import java.util.List;
import java.util.Properties;

import jakarta.batch.api.partition.PartitionMapper;
import jakarta.batch.api.partition.PartitionPlan;
import jakarta.batch.api.partition.PartitionPlanImpl;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import dev.cutover.framework.run.RunSettingsStore;
import dev.cutover.framework.source.SourceEndpoint;

/**
 * One partition per source of the run's settings, run on at most {@code concurrency} threads. On
 * restart JBeret calls it again: the run's settings are the original ones ({@link RunSettingsStore}),
 * so the same partitions come out in the same order, completed ones are skipped and unfinished ones
 * resume from their checkpoints.
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
        PartitionPlanImpl plan = new PartitionPlanImpl();
        plan.setPartitions(partitions.length);
        plan.setThreads(Math.max(1, Math.min(settings.concurrency(), partitions.length)));
        plan.setPartitionProperties(partitions);
        return plan;
    }
}
