package dev.cutover.ops.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.batch.runtime.StepExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jberet.runtime.PartitionExecutionImpl;
import org.jberet.runtime.StepExecutionImpl;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import dev.cutover.framework.metrics.RunProgress;
import dev.cutover.framework.retrieve.ListedRecords;
import dev.cutover.framework.retrieve.RetrievalStore;
import dev.cutover.framework.run.RunSettingsStore;
import dev.cutover.framework.run.Sql;
import dev.cutover.framework.source.SourceEndpoint;
import io.quarkiverse.jberet.runtime.QuarkusJobOperator;

/**
 * How far an execution got, from what is cheap to read: the partitions of its partitioned steps
 * (JBeret's repository), per source the pages, listed items and records (distinct ids, the unit of the
 * source's total) the run has retrieved so far ({@code retrieved_page}), and the live phases of
 * {@link RunProgress} when this process runs the execution. Retrieval progress belongs to the run, so
 * a restarted execution shows what earlier executions of the run fetched too.
 */
@ApplicationScoped
public class ExecutionProgress {

    /** The framework's steps with one partition per source, in the order of the run's settings. */
    private static final Set<String> SOURCE_STEPS = Set.of("retrieve", "normalize");

    @Inject
    QuarkusJobOperator jobOperator;

    @Inject
    DataSource dataSource;

    @Inject
    RunSettingsStore settingsStore;

    @Inject
    RunProgress runProgress;

    @Inject
    RetrievalStore retrieval;

    /** One partition of a step of this execution; {@code source} for the partitions of retrieve and normalize (one per source). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({ "step", "partition", "source", "batchStatus", "exitStatus" })
    public record Partition(String step, int partition, String source, String batchStatus, String exitStatus) {
    }

    /**
     * Retrieval of one source, each number in its unit: {@code pages} stored; {@code listedItems}, the
     * items those pages listed (superseded and repeated copies of an id included); {@code records}, the
     * distinct ids among them once the source's last page is stored (counted then, once), the unit of
     * {@code totalRecords}, the source's own {@code total} (of its latest page); while the source lists,
     * its listed items, at most its total ({@link ListedRecords}). {@code percent} is records of
     * totalRecords while listing, capped below 100 until the last page is stored, and exactly 100 once it
     * is ({@code complete}): a source edited while it was listed may then show records other than its
     * total, which the plan reports as SOURCE_INCOMPLETE.
     */
    @JsonPropertyOrder({ "name", "pages", "listedItems", "records", "totalRecords", "percent", "complete" })
    public record SourceProgress(String name, long pages, long listedItems, long records, long totalRecords, double percent,
            boolean complete) {
    }

    /**
     * Retrieval of the run: the sums of its sources (same units), and the phases of the execution as the
     * process running it sees them live ({@code phases}: empty when another process runs it, or after a
     * restart of the process).
     */
    @JsonPropertyOrder({ "records", "totalRecords", "percent", "pages", "listedItems", "sources", "phases" })
    public record Progress(long records, long totalRecords, double percent, long pages, long listedItems,
            List<SourceProgress> sources, List<Phase> phases) {
    }

    /**
     * One phase (step) of the execution, live: {@code done} of {@code total} (-1: unknown) {@code unit}s,
     * e.g. records for normalize, the entity kind for stage; {@code activity} says what it does now.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({ "phase", "activity", "unit", "done", "total", "percent", "ended" })
    public record Phase(String phase, String activity, String unit, long done, long total, Double percent, boolean ended) {
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
                String source = SOURCE_STEPS.contains(step.getStepName()) && index < sources.size()
                        ? sources.get(index).name() : null;
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

    /** A source's stored pages: how many, the items they list, its last page's count and total, whether complete. */
    private record StoredPages(String source, long pages, long listedItems, Long counted, long total, boolean complete) {
    }

    /** @return retrieval progress of the execution's run (job instance), sources by name, and its live phases */
    public Progress progress(long executionId) {
        long runId = jobOperator.getJobInstance(executionId).getInstanceId();
        List<StoredPages> stored = Sql.query(dataSource, """
                select p.source, count(*), sum(p.item_count),
                       (array_agg(p.distinct_ids order by p.page_no desc))[1],
                       (array_agg(p.total order by p.page_no desc))[1],
                       bool_or(p.next_cursor is null)
                from retrieved_page p where p.run_id = ? group by p.run_id, p.source order by p.source""",
                rs -> new StoredPages(rs.getString(1), rs.getLong(2), rs.getLong(3), (Long) rs.getObject(4), rs.getLong(5),
                        rs.getBoolean(6)), runId);
        // a complete source: the distinct ids counted with its last page (counted from its items for a last
        // page stored before that count existed); a listing one: its listed items, at most its total
        List<SourceProgress> sources = stored.stream().map(s -> {
            long records = s.complete() ? retrieval.storedOrCounted(runId, s.source(), s.counted())
                    : ListedRecords.of(s.listedItems(), s.total());
            return new SourceProgress(s.source(), s.pages(), s.listedItems(), records, s.total(),
                    percent(records, s.total(), s.complete()), s.complete());
        }).toList();
        long records = sources.stream().mapToLong(SourceProgress::records).sum();
        long total = sources.stream().mapToLong(SourceProgress::totalRecords).sum();
        boolean complete = !sources.isEmpty() && sources.stream().allMatch(SourceProgress::complete);
        List<Phase> phases = runProgress.phases(executionId).stream()
                .map(p -> new Phase(p.phase(), p.activity(), p.unit(), p.done(), p.total(),
                        p.percent() < 0 ? null : Math.floor(p.percent() * 10) / 10, p.ended()))
                .toList();
        return new Progress(records, total, percent(records, total, complete),
                sources.stream().mapToLong(SourceProgress::pages).sum(),
                sources.stream().mapToLong(SourceProgress::listedItems).sum(), sources, phases);
    }

    /** A total that moved while listing can be overshot; only a finished listing is 100%. */
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
