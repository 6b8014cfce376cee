package dev.cutover.ops.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.batch.runtime.JobExecution;

import dev.cutover.framework.plan.PlanReport;

/**
 * The human-readable summary of a plan report, printed on stdout. Each number says its unit: a source's
 * {@code total} and {@code fetched} are distinct ids, {@code records} are legacy records (and the line
 * under them says how the two relate), the entities go by the migration's entity kind.
 */
final class PlanSummary {

    private PlanSummary() {
    }

    static void print(PlanReport r, JobExecution execution, PrintWriter out) {
        out.printf("%s %s: execution %d %s/%s%n", r.mode(), r.migration(), execution.getExecutionId(),
                execution.getBatchStatus(), execution.getExitStatus());
        for (PlanReport.Source s : r.sources()) {
            out.printf("  source %-12s total %d, fetched %d, watermark %d%n", s.name(), s.total(), s.fetched(), s.watermark());
        }
        PlanReport.Counts c = r.counts();
        out.printf("  records   %d fetched = %d migrated + %d skipped + %d anomalies%n", c.fetched(), c.migrated(),
                c.skipped(), c.anomalies());
        explainRecords(r, out);
        out.printf("  %-9s %d%n", c.entityKind(), c.entities());
        if (!r.skipped().isEmpty()) {
            out.printf("  skipped   %s%n", counts(r.skipped()));
        }
        if (!r.anomalies().isEmpty()) {
            out.printf("  anomalies %s%n", counts(r.anomalies()));
        }
        r.planAnomalies().forEach(a -> out.printf("  plan anomaly %s: %s%n", a.code(), a.detail()));
        String equal = r.behavior().equal() ? "equal" : "DIFFERENT";
        if (r.behavior().horizonHours() > 0) {
            out.printf("  behavior  %d h: legacy %d, new %d dispatches, %s%n", r.behavior().horizonHours(),
                    r.behavior().legacyDispatches(), r.behavior().newDispatches(), equal);
        } else {
            // a behavior that is not one over time (rate limits): decisions over the whole population
            out.printf("  behavior  legacy %d, new %d decisions, %s%n", r.behavior().legacyDispatches(),
                    r.behavior().newDispatches(), equal);
        }
        out.printf("  digest    %s%n", r.digest());
    }

    /**
     * The records against the sources' totals (DESIGN.md §6): a total and {@code sources[].fetched} count
     * distinct ids, {@code counts.fetched} counts records, which are those ids plus one per item without a
     * usable id. Copies of an id (superseded or repeated) are one record and are counted nowhere.
     */
    private static void explainRecords(PlanReport r, PrintWriter out) {
        long ids = r.sources().stream().mapToLong(PlanReport.Source::fetched).sum();
        long withoutId = r.counts().fetched() - ids;
        String sources = r.sources().size() == 1 ? "the source's total counts" : "the sources' totals count";
        if (withoutId == 0) {
            out.printf("            %d records = %d distinct ids (what %s); copies of an id are one record%n",
                    r.counts().fetched(), ids, sources);
        } else {
            out.printf("            %d records = %d distinct ids (what %s) + %d items without a usable id (a record each, "
                    + "in no total); copies of an id are one record%n", r.counts().fetched(), ids, sources, withoutId);
        }
    }

    private static String counts(Map<String, Long> map) {
        return map.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }
}
