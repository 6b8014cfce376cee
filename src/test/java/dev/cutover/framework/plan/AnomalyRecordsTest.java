package dev.cutover.framework.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.cutover.framework.migration.BehaviorCheck;
import dev.cutover.framework.run.RecordKey;
import dev.cutover.framework.run.Sql;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A run's anomalous records are listed from its record outcomes, sorted by the database in the order
 * the report contract gives (source, then ids in code-point order, then id-less items by index), and
 * the stored report text does not hold them.
 */
@QuarkusTest
class AnomalyRecordsTest {

    @Inject
    DataSource dataSource;

    @Inject
    PlanStore plans;

    @Inject
    ObjectMapper json;

    /** Ids whose order differs between code points, UTF-16 units, record keys and bytes of other collations. */
    private static final List<PlanReport.AnomalyRecord> HOSTILE = List.of(
            anomaly("eu", "b"), anomaly("eu", "a"), anomaly("eu", "ab"), anomaly("eu", "A"), anomaly("eu", "\u00e9"),
            // U+E000 is above a surrogate pair in UTF-16 units, below it in code points
            anomaly("eu", "\ue000"), anomaly("eu", "\ud83d\ude00"),
            // longer than a spelled key: its key is a hash ("d:..."), which sorts before every "i:" key
            anomaly("eu", "z".repeat(RecordKey.LONGEST_SPELLED_ID + 1)), anomaly("eu", "y" + "\u00e9".repeat(300)),
            new PlanReport.AnomalyRecord("eu", null, 10, "MALFORMED_RECORD", "not an object"),
            new PlanReport.AnomalyRecord("eu", null, 3, "MALFORMED_RECORD", "not an object"),
            anomaly("Eu", "b"), anomaly("\u00e9u", "a"), anomaly("us", "7"), anomaly("us", "10"));

    @Test
    void aRunsRecordsAreListedInTheReportsOrderWhateverTheirIds() throws IOException {
        long run = newRun();
        List<PlanReport.AnomalyRecord> shuffled = new ArrayList<>(HOSTILE);
        Collections.shuffle(shuffled, new Random(7));
        store(run, shuffled);
        // neither another kind of outcome nor another run's anomalies are listed
        Sql.update(dataSource, """
                insert into record_outcome (run_id, source, record_key, rec_id, idx, kind, code)
                values (?, 'eu', 'i:c', 'c', null, 'SKIPPED', 'DISABLED'), (?, 'eu', 'i:d', 'd', null, 'MIGRATED', null)""",
                run, run);
        store(run + 1, List.of(anomaly("eu", "other run")));

        List<PlanReport.AnomalyRecord> expected = new ArrayList<>(HOSTILE);
        expected.sort(PlanReportBuilder.ANOMALY_ORDER);
        assertThat(listed(AnomalyRecords.stored(dataSource, run))).containsExactlyElementsOf(expected);
        assertThat(listed(AnomalyRecords.stored(dataSource, newRun()))).isEmpty();
    }

    @Test
    void theDigestOverARunsStoredRecordsIsTheDigestOverTheSameRecordsListed() {
        long run = newRun();
        store(run, HOSTILE);
        List<PlanReport.AnomalyRecord> sorted = new ArrayList<>(HOSTILE);
        sorted.sort(PlanReportBuilder.ANOMALY_ORDER);

        assertThat(PlanDigest.of(content(AnomalyRecords.stored(dataSource, run))))
                .isEqualTo(PlanDigest.of(content(AnomalyRecords.listed(sorted))));
        List<PlanReport.AnomalyRecord> unsorted = new ArrayList<>(sorted);
        Collections.swap(unsorted, 0, 1);
        assertThat(PlanDigest.of(content(AnomalyRecords.stored(dataSource, run))))
                .as("the digest covers the order").isNotEqualTo(PlanDigest.of(content(AnomalyRecords.listed(unsorted))));
    }

    @Test
    void theStoredTextLeavesTheRecordsOutAndTheReportReadBackListsTheRunsOwn() throws IOException {
        long run = newRun();
        store(run, HOSTILE);
        plans.save(run, report(AnomalyRecords.listed(List.of(anomaly("eu", "never stored")))), "things");

        String stored = Sql.query(dataSource, "select report from plan_report where run_id = ?", rs -> rs.getString(1), run).get(0);
        assertThat(json.readTree(stored).has("anomalyRecords")).as(stored).isFalse();
        JsonNode written = json.readTree(json.writeValueAsString(plans.report(run).orElseThrow()));
        List<String> fieldOrder = new ArrayList<>();
        written.fieldNames().forEachRemaining(fieldOrder::add);
        assertThat(fieldOrder).containsSubsequence("anomalies", "anomalyRecords", "planAnomalies");
        assertThat(written.get("anomalyRecords")).hasSize(HOSTILE.size());
        assertThat(json.convertValue(written.get("anomalyRecords").get(0), PlanReport.AnomalyRecord.class))
                .isEqualTo(new PlanReport.AnomalyRecord("Eu", "b", null, "INVALID_CRON", "bad b"));
    }

    @Test
    void aReportStoredWithItsRecordsInlineIsReadWithTheRunsRecords() throws IOException {
        long run = newRun();
        store(run, List.of(anomaly("eu", "r-1")));
        // as reports were stored before the records were left out
        String inline = json.writeValueAsString(report(AnomalyRecords.listed(List.of()))).replace("\"anomalyRecords\":[]",
                "\"anomalyRecords\":[{\"source\":\"eu\",\"id\":\"r-1\",\"code\":\"INVALID_CRON\",\"detail\":\"bad r-1\"}]");
        assertThat(inline).contains("\"id\":\"r-1\"");
        Sql.update(dataSource, """
                insert into plan_report (run_id, execution_id, migration, digest, report, entity_kind)
                values (?, 1, 'm', ?, ?, 'things')""", run, report(null).digest(), inline);

        PlanReport read = plans.report(run).orElseThrow();
        assertThat(read.digest()).isEqualTo(report(null).digest());
        assertThat(listed(read.anomalyRecords())).containsExactly(anomaly("eu", "r-1"));
    }

    private static PlanReport.AnomalyRecord anomaly(String source, String id) {
        return new PlanReport.AnomalyRecord(source, id, null, "INVALID_CRON", "bad " + id);
    }

    private void store(long run, List<PlanReport.AnomalyRecord> records) {
        for (PlanReport.AnomalyRecord r : records) {
            Sql.update(dataSource, """
                    insert into record_outcome (run_id, source, record_key, rec_id, idx, kind, code, detail)
                    values (?, ?, ?, ?, ?, 'ANOMALY', ?, ?)""",
                    run, r.source(), RecordKey.of(r.id(), r.index()), r.id(), r.index(), r.code(), r.detail());
        }
    }

    private static List<PlanReport.AnomalyRecord> listed(AnomalyRecords records) throws IOException {
        List<PlanReport.AnomalyRecord> all = new ArrayList<>();
        records.forEach(all::add);
        return all;
    }

    private static PlanReport.DigestContent content(AnomalyRecords records) {
        return new PlanReport.DigestContent(PlanReport.FORMAT, "m", List.of(), Map.of("anomalies", 15L), Map.of(),
                Map.of("INVALID_CRON", 13L, "MALFORMED_RECORD", 2L), records, List.of(), "sha256:0/0");
    }

    private static PlanReport report(AnomalyRecords records) {
        return new PlanReport(PlanReport.FORMAT, "m", 1, "dry-run", List.of(new PlanReport.Source("eu", 1, 1, 7)),
                new PlanReport.Counts(1, 0, 0, 1, "things", 0), Map.of(), Map.of("INVALID_CRON", 1L), records, List.of(),
                new PlanReport.Groups(List.of()), new BehaviorCheck(0, 0, 0, true), "sha256:" + "2".repeat(64), null, null);
    }

    private static long newRun() {
        return ThreadLocalRandom.current().nextLong(3_000_000_000L, 4_000_000_000L);
    }
}
