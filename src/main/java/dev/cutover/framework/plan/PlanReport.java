package dev.cutover.framework.plan;

import dev.cutover.framework.migration.BehaviorCheck;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The plan report, format {@code cutover.plan/v1} (DESIGN.md §6). Field names and shapes are a
 * contract read by other programs: change none of them. Its anomalous records are not held: they are
 * read as the report is written ({@link AnomalyRecords}).
 */
@RegisterForReflection(targets = { PlanReport.class, PlanReport.Source.class, PlanReport.Counts.class, PlanReport.AnomalyRecord.class,
        PlanReport.PlanAnomaly.class, PlanReport.Groups.class, PlanReport.DigestContent.class, PlanReport.DigestSource.class,
        TargetPlan.GroupSummary.class, ApplyGate.Verdict.class, dev.cutover.framework.run.RefusalLog.Refusal.class,
        BehaviorCheck.class, AnomalyRecords.Listed.class, AnomalyRecords.Stored.class, AnomalyRecords.AsArray.class,
        PlanStore.StoredWithoutAnomalyRecords.class })
@JsonPropertyOrder({ "format", "migration", "executionId", "mode", "sources", "counts", "skipped", "anomalies",
        "anomalyRecords", "planAnomalies", "groups", "behavior", "digest", "verdict", "applyCommand" })
public record PlanReport(String format, String migration, long executionId, String mode, List<Source> sources,
        Counts counts, Map<String, Long> skipped, Map<String, Long> anomalies, AnomalyRecords anomalyRecords,
        List<PlanAnomaly> planAnomalies, Groups groups, BehaviorCheck behavior, String digest,
        @JsonInclude(JsonInclude.Include.NON_NULL) ApplyGate.Verdict verdict,
        @JsonInclude(JsonInclude.Include.NON_NULL) String applyCommand) {

    public static final String FORMAT = "cutover.plan/v1";

    /**
     * The same report listing {@code records} as its anomalous records: a stored report is kept without
     * them ({@link PlanStore}), and lists its run's when read back.
     */
    public PlanReport withAnomalyRecords(AnomalyRecords records) {
        return new PlanReport(format, migration, executionId, mode, sources, counts, skipped, anomalies, records,
                planAnomalies, groups, behavior, digest, verdict, applyCommand);
    }

    /**
     * The same report with what an apply of it would do, and the command that applies it. Neither enters
     * the digest: they describe the run (its accepted codes, its sources, what executes when it is
     * planned), not the data.
     *
     * @param verdict      {@link ApplyGate#planVerdict} for a dry run; for an apply, what its gate decided
     * @param applyCommand the {@code cutover apply} command of this plan, with its digest ({@link ApplyCommandLine})
     */
    public PlanReport withVerdict(ApplyGate.Verdict verdict, String applyCommand) {
        return new PlanReport(format, migration, executionId, mode, sources, counts, skipped, anomalies, anomalyRecords,
                planAnomalies, groups, behavior, digest, verdict, applyCommand);
    }

    @JsonPropertyOrder({ "name", "total", "fetched", "watermark" })
    public record Source(String name, long total, long fetched, long watermark) {
    }

    /**
     * Legacy records by outcome, and the planned target entities under the migration's entity kind
     * (DESIGN.md §11): {@code counts.policies} for the reference migration.
     */
    @JsonPropertyOrder({ "fetched", "migrated", "skipped", "anomalies" })
    public record Counts(long fetched, long migrated, long skipped, long anomalies, @JsonIgnore String entityKind,
            @JsonIgnore long entities) {

        private static final java.util.Set<String> RECORD_COUNTS = java.util.Set.of("fetched", "migrated", "skipped",
                "anomalies");

        /** The entity count, written after the record counts under the entity kind's name. */
        @JsonAnyGetter
        public Map<String, Long> entityCount() {
            return Map.of(entityKind, entities);
        }

        /** Reads a stored report: the one count that is not a record count is the entities'. */
        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static Counts fromJson(Map<String, Long> fields) {
            java.util.List<String> kinds = fields.keySet().stream().filter(k -> !RECORD_COUNTS.contains(k)).toList();
            if (kinds.size() != 1) {
                throw new IllegalArgumentException("counts need exactly one entity count besides " + RECORD_COUNTS
                        + ", got " + fields.keySet());
            }
            return new Counts(fields.get("fetched"), fields.get("migrated"), fields.get("skipped"), fields.get("anomalies"),
                    kinds.get(0), fields.get(kinds.get(0)));
        }

        /** @return every count under its name, as the digest reads them */
        Map<String, Long> asMap() {
            Map<String, Long> all = new java.util.TreeMap<>(Map.of("fetched", fetched, "migrated", migrated, "skipped",
                    skipped, "anomalies", anomalies));
            all.put(entityKind, entities);
            return all;
        }
    }

    /** An anomalous record; {@code index} only for an item without a usable id. */
    @JsonPropertyOrder({ "source", "id", "index", "code", "detail" })
    public record AnomalyRecord(String source, String id,
            @JsonInclude(JsonInclude.Include.NON_NULL) Integer index, String code, String detail) {
    }

    @JsonPropertyOrder({ "code", "detail" })
    public record PlanAnomaly(String code, String detail) {
    }

    public record Groups(List<TargetPlan.GroupSummary> largest) {
    }

    /** The codes that block an apply unless accepted: record anomalies and plan anomalies. */
    public java.util.SortedSet<String> anomalyCodes() {
        java.util.SortedSet<String> codes = new java.util.TreeSet<>(anomalies.keySet());
        planAnomalies.forEach(a -> codes.add(a.code()));
        return codes;
    }

    /**
     * What the digest covers: the data, not the run. The canonical target model is not part of the
     * report; this carries it to the digest.
     */
    record DigestContent(String format, String migration, List<DigestSource> sources, Map<String, Long> counts,
            Map<String, Long> skipped, Map<String, Long> anomalies, AnomalyRecords anomalyRecords,
            List<PlanAnomaly> planAnomalies, String model) {
    }

    /**
     * A source as the digest sees it: without its watermark, a change counter that grows on every
     * edit, even one that is undone later, so the same data can be served at any watermark.
     */
    record DigestSource(String name, long total, long fetched) {

        static DigestSource of(Source source) {
            return new DigestSource(source.name(), source.total(), source.fetched());
        }
    }
}
