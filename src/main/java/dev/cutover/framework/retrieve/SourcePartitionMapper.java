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
 * so the same partitions come out in the same order.
 *
 * <p>The plan overrides the partitions of the execution restarted: left to itself, JBeret restarts only
 * the unfinished partitions it recorded for the step, and records them one by one after the step began.
 * A process killed before it recorded them all (killed at the start of the step) left a step whose
 * restart ran no partition, or some, and completed: sources never retrieved, an empty or partial plan.
 * So every source's partition runs on every restart; each resumes after the pages the run stored of its
 * source ({@link SourcePageReader}), and one whose last page is stored ends at once without a request.
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
        plan.setPartitionsOverride(true);
        return plan;
    }
}
