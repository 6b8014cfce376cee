package dev.cutover.ops.run;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.batch.runtime.StepExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jberet.runtime.PartitionExecutionImpl;
import org.jberet.runtime.StepExecutionImpl;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import dev.cutover.framework.run.RunSettingsStore;
import dev.cutover.framework.run.Sql;
import dev.cutover.framework.source.SourceEndpoint;
import io.quarkiverse.jberet.runtime.QuarkusJobOperator;

/**
 * How far an execution got, from what is cheap to read: the partitions of its partitioned steps
 * (JBeret's repository) and, per source, the pages and items the run has retrieved so far against
 * the source's total ({@code retrieved_page}). Retrieval progress belongs to the run, so a restarted
 * execution shows what earlier executions of the run fetched too.
 */
@ApplicationScoped
public class ExecutionProgress {

    /** The framework's retrieve step has one partition per source, in the order of the run's settings. */
    private static final String RETRIEVE_STEP = "retrieve";

    @Inject
    QuarkusJobOperator jobOperator;

    @Inject
    DataSource dataSource;

    @Inject
    RunSettingsStore settingsStore;

    /** One partition of a step of this execution; {@code source} for the retrieve step's partitions. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({ "step", "partition", "source", "batchStatus", "exitStatus" })
    public record Partition(String step, int partition, String source, String batchStatus, String exitStatus) {
    }

    /**
     * Retrieval of one source: {@code items} listed so far (superseded copies included, so it may pass
     * {@code total}, the source's distinct ids); {@code complete} once its last page is stored.
     */
    @JsonPropertyOrder({ "name", "pages", "items", "total", "percent", "complete" })
    public record SourceProgress(String name, long pages, long items, long total, double percent, boolean complete) {
    }

    @JsonPropertyOrder({ "items", "total", "percent", "sources" })
    public record Progress(long items, long total, double percent, List<SourceProgress> sources) {
    }

    /** @return the partitions of the execution's partitioned steps, by step then partition */
    public List<Partition> partitions(long executionId) {
        RunSettingsStore.Settings settings = settingsStore.ofParameters(jobOperator.getParameters(executionId));
        List<SourceEndpoint> sources = settings == null ? List.of() : settings.sources();
        List<Partition> partitions = new ArrayList<>();
        for (StepExecution step : jobOperator.getStepExecutions(executionId)) {
            if (!(step instanceof StepExecutionImpl impl)) {
                continue;
            }
            // a step execution read back from the repository carries no partitions: JBeret then reads them too
            List<PartitionExecutionImpl> found = jobOperator.getJobRepository().getPartitionExecutions(
                    step.getStepExecutionId(), impl, false, Thread.currentThread().getContextClassLoader());
            for (PartitionExecutionImpl p : snapshot(found)) {
                int index = p.getPartitionId();
                String source = RETRIEVE_STEP.equals(step.getStepName()) && index < sources.size() ? sources.get(index).name()
                        : null;
                partitions.add(new Partition(step.getStepName(), index, source,
                        p.getBatchStatus() == null ? null : p.getBatchStatus().name(), p.getExitStatus()));
            }
        }
        partitions.sort(java.util.Comparator.comparing(Partition::step).thenComparingInt(Partition::partition));
        return partitions;
    }

    /**
     * Of a running step JBeret returns its live list of partitions, which grows while partitions
     * start: iterating it would fail with a ConcurrentModificationException, so it is copied first
     * (toArray does not check for modification; a slot not filled yet is skipped).
     */
    private static List<PartitionExecutionImpl> snapshot(List<PartitionExecutionImpl> live) {
        if (live == null) {
            return List.of();
        }
        List<PartitionExecutionImpl> copy = new ArrayList<>();
        for (Object p : live.toArray()) {
            if (p != null) {
                copy.add((PartitionExecutionImpl) p);
            }
        }
        return copy;
    }

    /** @return retrieval progress of the execution's run (job instance), sources by name */
    public Progress progress(long executionId) {
        long runId = jobOperator.getJobInstance(executionId).getInstanceId();
        List<SourceProgress> sources = Sql.query(dataSource, """
                select source, count(*), sum(item_count),
                       (array_agg(total order by page_no desc))[1],
                       bool_or(next_cursor is null)
                from retrieved_page where run_id = ? group by source order by source""",
                rs -> {
                    long items = rs.getLong(3);
                    long total = rs.getLong(4);
                    boolean complete = rs.getBoolean(5);
                    return new SourceProgress(rs.getString(1), rs.getLong(2), items, total, percent(items, total, complete),
                            complete);
                }, runId);
        long items = sources.stream().mapToLong(SourceProgress::items).sum();
        long total = sources.stream().mapToLong(SourceProgress::total).sum();
        boolean complete = !sources.isEmpty() && sources.stream().allMatch(SourceProgress::complete);
        return new Progress(items, total, percent(items, total, complete), sources);
    }

    /** Copies and a total that moved while listing can overshoot; only a finished listing is 100%. */
    private static double percent(long items, long total, boolean complete) {
        if (complete) {
            return 100.0;
        }
        if (total <= 0) {
            return 0.0;
        }
        return Math.min(99.9, Math.floor(items * 1000.0 / total) / 10);
    }
}
