package dev.cutover.ops.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.batch.runtime.JobExecution;

import dev.cutover.framework.plan.PlanReport;

/** The human-readable summary of a plan report, printed on stdout. */
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

    private static String counts(Map<String, Long> map) {
        return map.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }
}
