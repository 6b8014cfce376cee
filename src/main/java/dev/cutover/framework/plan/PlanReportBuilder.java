package dev.cutover.framework.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.cutover.framework.migration.AnomalyCodes;
import dev.cutover.framework.retrieve.RetrievalStore.SourceSummary;
import dev.cutover.framework.toolkit.CodePoints;

/**
 * Assembles the {@link PlanReport} of a run from its sources, the tally of its record outcomes and the
 * migration's {@link TargetPlan}. The same inputs give the same report and digest; the digest reads the
 * anomalous records once, one at a time ({@link AnomalyRecords}).
 *
 * <p>Plan anomalies found in the data ({@code SOURCE_INCOMPLETE}, {@code EMPTY_SOURCE},
 * {@code BEHAVIOR_CHANGE}) enter the digest; anomalies of the executing state ({@code MASS_REMOVAL},
 * given by the caller) are reported and block like the others but stay out of the digest.
 */
public final class PlanReportBuilder {

    private PlanReportBuilder() {
    }

    /**
     * @param entityKind     what the target entities are called ({@code counts.<kind>})
     * @param stateAnomalies plan anomalies that describe what executes now rather than the data (may
     *                       be empty); listed after the data's own, left out of the digest
     */
    public static PlanReport build(String migration, String entityKind, long executionId, String mode,
            List<SourceSummary> sourceSummaries, OutcomeTally outcomes, TargetPlan target,
            List<PlanReport.PlanAnomaly> stateAnomalies) {
        List<PlanReport.Source> sources = sourceSummaries.stream()
                .sorted(Comparator.comparing(SourceSummary::name))
                .map(s -> new PlanReport.Source(s.name(), s.total(), s.fetched(), s.watermark()))
                .toList();
        Map<String, Long> skipped = outcomes.skipped();
        Map<String, Long> anomalies = outcomes.anomalies();
        AnomalyRecords anomalyRecords = outcomes.anomalyRecords();
        Set<String> listingSources = outcomes.listingSources();
        List<PlanReport.PlanAnomaly> planAnomalies = new ArrayList<>();
        for (PlanReport.Source s : sources) {
            if (s.fetched() != s.total()) {
                planAnomalies.add(new PlanReport.PlanAnomaly(AnomalyCodes.SOURCE_INCOMPLETE,
                        s.name() + ": total " + s.total() + ", fetched " + s.fetched()));
            }
            // an outage answering 200 or a wrong URL behind a catch-all looks like a source with no rule:
            // planned as is, the empty model would stop everything the source's rules do
            if (!listingSources.contains(s.name())) {
                planAnomalies.add(new PlanReport.PlanAnomaly(AnomalyCodes.EMPTY_SOURCE, s.name() + ": lists no record"));
            }
        }
        planAnomalies.addAll(target.anomalies());
        if (!target.behavior().equal()) {
            planAnomalies.add(new PlanReport.PlanAnomaly(AnomalyCodes.BEHAVIOR_CHANGE, target.behaviorChange()));
        }
        PlanReport.Counts counts = new PlanReport.Counts(outcomes.fetched(), outcomes.migrated(), total(skipped), total(anomalies),
                entityKind, target.entityCount());
        String digest = PlanDigest.of(new PlanReport.DigestContent(PlanReport.FORMAT, migration,
                sources.stream().map(PlanReport.DigestSource::of).toList(), counts.asMap(), skipped,
                anomalies, anomalyRecords, planAnomalies, target.modelDigest()));
        // the digest is a function of the source data: the same data planned while another generation
        // executes (or legacy) must keep the digest its reviewer saw, so state anomalies come after it
        List<PlanReport.PlanAnomaly> reported = new ArrayList<>(planAnomalies);
        reported.addAll(stateAnomalies);
        return new PlanReport(PlanReport.FORMAT, migration, executionId, mode, sources, counts, skipped, anomalies,
                anomalyRecords, reported, new PlanReport.Groups(target.largestGroups()), target.behavior(), digest, null, null);
    }

    /** @return the records a map of counts per code counts */
    private static long total(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Source, then records with an id (code-point order of ids), then id-less ones by index. */
    static final Comparator<PlanReport.AnomalyRecord> ANOMALY_ORDER = Comparator
            .comparing(PlanReport.AnomalyRecord::source, CodePoints.ORDER)
            .thenComparing(a -> a.id() == null ? 1 : 0)
            .thenComparing(a -> a.id() == null ? "" : a.id(), CodePoints.ORDER)
            .thenComparing(a -> a.index() == null ? -1 : a.index());
}
