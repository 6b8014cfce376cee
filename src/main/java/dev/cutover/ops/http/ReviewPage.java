package dev.cutover.ops.http;

import java.util.List;
import java.util.function.LongFunction;

import dev.cutover.framework.model.ExecutingModel;
import dev.cutover.framework.plan.ApplyGate;
import dev.cutover.framework.plan.ModelChanges;
import dev.cutover.framework.plan.OutcomePages;
import dev.cutover.framework.plan.PlanReport;
import dev.cutover.framework.plan.PlannedEntityPages;
import dev.cutover.framework.plan.ResultPage;

/**
 * Everything the HTML plan report shows ({@code templates/ReportResource/page.html}): the report, its
 * verdict and apply command, when and how long it planned, its sources with their URLs, and one page
 * each of the changes against the executing generation, the planned entities and the records that did
 * not migrate. Built by {@link ReviewPages}.
 *
 * @param verdict  {@code null} for a report written before reports carried one
 * @param accepted the codes the run accepted
 */
public record ReviewPage(PlanReport report, long executionId, ApplyGate.Verdict verdict, String applyCommand, Timing timing,
        List<SourceRow> sources, boolean demo, List<String> accepted, ExecutingModel executing,
        ModelChanges.Counts changeCounts, List<ModelChanges.Difference> changes, Pager changesPager,
        List<PlannedEntityPages.PlannedEntity> entities, Pager entitiesPager, List<OutcomePages.Outcome> records,
        Pager recordsPager, List<String> codes, ReviewQuery query) {

    /** @return the verdict's decision ({@code STAGE}, {@code UNCHANGED}, {@code REFUSED}), or {@code null} */
    public String decision() {
        return verdict == null ? null : verdict.decision().name();
    }

    /** @return whether the run was an apply (its verdict is what its gate decided) */
    public boolean applied() {
        return "apply".equals(report.mode());
    }

    /** The codes that block the apply as the verdict stands (empty unless refused). */
    public List<String> refusedCodes() {
        return verdict == null ? List.of() : verdict.refusals().stream().map(r -> r.code()).toList();
    }

    /**
     * When the plan ran: the execution's start, the end of its plan step, the time in between and the
     * time of each step up to the plan (texts, UTC).
     */
    public record Timing(String started, String planned, String took, List<StepTime> steps) {
    }

    public record StepTime(String name, String took) {
    }

    /** A source of the run: the report's figures and the URL it was read from ({@code null} when unknown). */
    public record SourceRow(String name, String url, long total, long fetched, long watermark) {

        public boolean complete() {
            return total == fetched;
        }
    }

    /** Where a page is in its list, and the links to the first, previous, next and last pages ({@code null} where none). */
    public record Pager(long total, long page, long pages, long first, long last, String firstHref, String previousHref,
            String nextHref, String lastHref) {

        static Pager of(ResultPage<?> page, LongFunction<String> href) {
            return new Pager(page.total(), page.page(), page.pages(), page.first(), page.last(),
                    page.hasPrevious() ? href.apply(1) : null, page.hasPrevious() ? href.apply(page.page() - 1) : null,
                    page.hasNext() ? href.apply(page.page() + 1) : null, page.hasNext() ? href.apply(page.pages()) : null);
        }

        public boolean many() {
            return pages > 1;
        }
    }
}
