package dev.cutover.ops.http;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.StepExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.cutover.framework.model.ExecutingModel;
import dev.cutover.framework.model.ExecutingModelReader;
import dev.cutover.framework.plan.ModelChanges;
import dev.cutover.framework.plan.OutcomePages;
import dev.cutover.framework.plan.PlanReport;
import dev.cutover.framework.plan.PlannedEntityPages;
import dev.cutover.framework.plan.ResultPage;
import dev.cutover.framework.run.RunSettingsStore;
import dev.cutover.framework.source.SourceEndpoint;

/**
 * Builds the {@link ReviewPage} of a plan report: a fixed number of queries whatever the plan's size,
 * each section read one page at a time ({@link PlannedEntityPages}, {@link OutcomePages},
 * {@link ModelChanges}); the changes compare with the generation executing when the page is asked for.
 */
@ApplicationScoped
public class ReviewPages {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    /** The steps whose time is the plan's time: the plan is ready when the plan step ends. */
    private static final List<String> PLANNING_STEPS = List.of("retrieve", "normalize", "plan");

    @Inject
    JobOperator jobOperator;

    @Inject
    RunSettingsStore settingsStore;

    @Inject
    ExecutingModelReader models;

    @Inject
    PlannedEntityPages entityPages;

    @Inject
    OutcomePages outcomePages;

    @Inject
    ModelChanges modelChanges;

    public ReviewPage build(long executionId, long runId, PlanReport report, ReviewQuery query) {
        RunSettingsStore.Settings settings = settingsStore.ofParameters(jobOperator.getParameters(executionId));
        ExecutingModel executing = models.current(report.migration());
        ModelChanges.Counts counts = modelChanges.counts(runId, executing);
        ResultPage<ModelChanges.Difference> changes = withinPages(query.changePage(),
                page -> modelChanges.page(runId, executing, query.change(), counts, page, query.size()));
        ResultPage<PlannedEntityPages.PlannedEntity> entities = withinPages(query.entityPage(),
                page -> entityPages.page(runId, query.entityText(), page, query.size()));
        OutcomePages.Filter filter = new OutcomePages.Filter(query.recordKind(), query.recordCode(), query.recordText());
        ResultPage<OutcomePages.Outcome> records = withinPages(query.recordPage(),
                page -> outcomePages.page(runId, filter, page, query.size()));
        TreeSet<String> codes = new TreeSet<>(report.skipped().keySet());
        codes.addAll(report.anomalies().keySet());
        return new ReviewPage(report, executionId, report.verdict(), report.applyCommand(), timing(report.executionId()),
                sources(report, settings), settings != null && settings.demo(),
                settings == null ? List.of() : List.copyOf(new TreeSet<>(settings.accepted())), executing, counts,
                changes.rows(), ReviewPage.Pager.of(changes, query::changesHref), entities.rows(),
                ReviewPage.Pager.of(entities, query::entitiesHref), records.rows(),
                ReviewPage.Pager.of(records, query::recordsHref), List.copyOf(codes), query);
    }

    /**
     * @return page {@code asked}, or the last page when {@code asked} is past it (a link kept from a larger
     *         filter, or a number typed in), rather than an empty page numbered "99999 of 4"
     */
    private static <T> ResultPage<T> withinPages(int asked, IntFunction<ResultPage<T>> read) {
        ResultPage<T> page = read.apply(asked);
        return asked > page.pages() ? read.apply((int) page.pages()) : page;
    }

    private static List<ReviewPage.SourceRow> sources(PlanReport report, RunSettingsStore.Settings settings) {
        Map<String, String> urls = settings == null ? Map.of()
                : settings.sources().stream().collect(Collectors.toMap(SourceEndpoint::name, s -> s.baseUrl().toString()));
        return report.sources().stream()
                .map(s -> new ReviewPage.SourceRow(s.name(), urls.get(s.name()), s.total(), s.fetched(), s.watermark()))
                .toList();
    }

    /**
     * The execution that planned (the report's own): from its start to the end of its plan step. Steps run
     * one after another, so a step lasts until the next one starts (the first from the execution's start):
     * the start and end JBeret keeps in memory for a partitioned step (retrieve) are not its real span.
     */
    private ReviewPage.Timing timing(long planningExecution) {
        JobExecution execution = jobOperator.getJobExecution(planningExecution);
        Map<String, StepExecution> steps = new java.util.HashMap<>();
        jobOperator.getStepExecutions(planningExecution).forEach(s -> steps.put(s.getStepName(), s));
        List<String> ran = PLANNING_STEPS.stream().filter(steps::containsKey).toList();
        Instant started = instant(execution.getStartTime());
        Instant planned = steps.containsKey("plan") ? instant(steps.get("plan").getEndTime()) : null;
        List<ReviewPage.StepTime> times = new java.util.ArrayList<>();
        for (int k = 0; k < ran.size(); k++) {
            Instant from = k == 0 ? started : instant(steps.get(ran.get(k)).getStartTime());
            Instant to = k + 1 < ran.size() ? instant(steps.get(ran.get(k + 1)).getStartTime())
                    : instant(steps.get(ran.get(k)).getEndTime());
            times.add(new ReviewPage.StepTime(ran.get(k), took(from, to)));
        }
        return new ReviewPage.Timing(text(started), text(planned), took(started, planned), times);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    private static String text(Instant instant) {
        return instant == null ? "unknown" : TIME.format(instant);
    }

    private static String took(Instant from, Instant to) {
        if (from == null || to == null) {
            return "unknown";
        }
        Duration d = Duration.between(from, to);
        if (d.toMinutes() == 0) {
            return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
        }
        return d.toMinutes() + " min " + d.toSecondsPart() + " s";
    }
}
