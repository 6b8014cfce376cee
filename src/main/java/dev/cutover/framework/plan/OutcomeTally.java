package dev.cutover.framework.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.cutover.framework.normalize.RecordOutcome;

/**
 * What the plan report says about a run's record outcomes (DESIGN.md §6): the counts, the skip and
 * anomaly maps, every anomalous record, and which sources listed any record. Counted by the database
 * for the plan step ({@link PlanInputs#tally}), so that no list of all outcomes is held (the anomalous
 * records are read from the database when they are written); {@link #of} counts a list the same way.
 *
 * @param fetched        legacy records (one outcome each)
 * @param migrated       of which migrated
 * @param skipped        skip reason to count, without zero counts
 * @param anomalies      anomaly code to count, without zero counts
 * @param anomalyRecords every anomalous record, in {@link PlanReportBuilder#ANOMALY_ORDER}
 * @param listingSources the sources with at least one record
 */
public record OutcomeTally(long fetched, long migrated, SortedMap<String, Long> skipped, SortedMap<String, Long> anomalies,
        AnomalyRecords anomalyRecords, Set<String> listingSources) {

    public OutcomeTally {
        skipped = new TreeMap<>(skipped);
        anomalies = new TreeMap<>(anomalies);
        listingSources = Set.copyOf(listingSources);
    }

    /** @return the tally of {@code outcomes}, in any order */
    public static OutcomeTally of(Iterable<RecordOutcome> outcomes) {
        long fetched = 0;
        long migrated = 0;
        Map<String, Long> skipped = new TreeMap<>();
        Map<String, Long> anomalies = new TreeMap<>();
        List<PlanReport.AnomalyRecord> records = new ArrayList<>();
        Set<String> sources = new TreeSet<>();
        for (RecordOutcome o : outcomes) {
            fetched++;
            sources.add(o.source());
            switch (o.kind()) {
                case MIGRATED -> migrated++;
                case SKIPPED -> skipped.merge(o.code(), 1L, Long::sum);
                case ANOMALY -> {
                    anomalies.merge(o.code(), 1L, Long::sum);
                    records.add(new PlanReport.AnomalyRecord(o.source(), o.id(), o.index(), o.code(), o.detail()));
                }
            }
        }
        records.sort(PlanReportBuilder.ANOMALY_ORDER);
        return new OutcomeTally(fetched, migrated, new TreeMap<>(skipped), new TreeMap<>(anomalies),
                AnomalyRecords.listed(records), sources);
    }
}
