package dev.cutover.migrations.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.cutover.framework.run.Sql;
import dev.cutover.migrations.notifications.demo.DemoRules;
import dev.cutover.support.Cli.Result;
import dev.cutover.support.Cli;
import io.quarkus.test.junit.QuarkusTest;

/** The plan of the reference migration on the demo data, checked against the demo's own oracle. */
@QuarkusTest
class DemoPlanTest {


    @Inject
    ObjectMapper json;

    @Inject
    DataSource dataSource;

    private final DemoRules demo = DemoRules.generate();

    @Test
    void demoPlanReportsWhatTheDemoDataHoldsAndApplyWouldBeRefused() throws Exception {
        Path out = Files.createTempDirectory("plan").resolve("plan.json");
        Result r = Cli.run("plan", "notification-rules-v2", "--demo", "--out", out.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
        assertThat(r.out()).contains("apply would be refused: unaccepted anomalies DUPLICATE_ID, EMPTY_BUNDLE");

        JsonNode report = json.readTree(out.toFile());
        assertThat(report.get("format").asText()).isEqualTo("cutover.plan/v1");
        assertThat(report.get("migration").asText()).isEqualTo("notification-rules-v2");
        assertThat(report.get("mode").asText()).isEqualTo("dry-run");
        JsonNode counts = report.get("counts");
        Map<String, Integer> expected = demo.expectedCounts();
        long fetched = counts.get("fetched").asLong();
        assertThat(fetched).isEqualTo(counts.get("migrated").asLong() + counts.get("skipped").asLong()
                + counts.get("anomalies").asLong());
        assertThat(counts.get("migrated").asInt()).isEqualTo(expected.get(DemoRules.MIGRATED));
        assertThat(counts.get("policies").asInt()).isEqualTo(demo.expectedPolicies().size());
        assertThat(sum(report.get("skipped"))).isEqualTo(counts.get("skipped").asLong());
        assertThat(sum(report.get("anomalies"))).isEqualTo(counts.get("anomalies").asLong());
        assertThat(report.get("skipped").get("DISABLED").asInt()).isEqualTo(expected.get(DemoRules.DISABLED));
        for (String code : DemoRules.ANOMALY_CODES) {
            assertThat(report.get("anomalies").path(code).asInt()).as(code).isEqualTo(expected.getOrDefault(code, 0));
        }
        assertThat(report.get("anomalyRecords")).hasSize(counts.get("anomalies").asInt());
        for (JsonNode source : report.get("sources")) {
            assertThat(source.get("fetched").asLong()).as(source.toString()).isEqualTo(source.get("total").asLong());
            assertThat(source.get("total").asInt()).isEqualTo(demo.total(source.get("name").asText()));
        }
        assertThat(report.get("planAnomalies")).isEmpty();
        assertThat(report.get("behavior").get("equal").asBoolean()).isTrue();
        assertThat(report.get("behavior").get("horizonHours").asInt()).isEqualTo(168);
        assertThat(report.get("behavior").get("legacyDispatches").asLong()).isPositive()
                .isEqualTo(report.get("behavior").get("newDispatches").asLong());
        assertThat(report.get("groups").get("largest")).isNotEmpty();
        assertThat(report.get("digest").asText()).matches("sha256:[0-9a-f]{64}");
        assertThat(r.out()).contains(report.get("digest").asText());
    }

    @Test
    void everyRecordGetsTheOutcomeTheDemoOracleExpects() {
        Result r = Cli.run("plan", "notification-rules-v2", "--demo");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
        long runId = runIdOf(r);
        Map<String, String> actual = new HashMap<>();
        Sql.query(dataSource, "select source, rec_id, idx, kind, code from record_outcome where run_id = ?", rs -> actual.put(
                key(rs.getString(1), rs.getString(2), (Integer) rs.getObject(3)),
                "MIGRATED".equals(rs.getString(4)) ? DemoRules.MIGRATED : rs.getString(5)), runId);
        List<DemoRules.Expected> expected = demo.expected();
        assertThat(actual).hasSize(expected.size());
        for (DemoRules.Expected e : expected) {
            assertThat(actual.get(key(e.source(), e.id(), e.index()))).as(e.toString()).isEqualTo(e.outcome());
        }
    }

    @Test
    void acceptingEveryAnomalyCodeMeansApplyWouldGoAhead() {
        Result r = Cli.run("plan", "notification-rules-v2", "--demo", "--accept", String.join(",", DemoRules.ANOMALY_CODES));
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("apply would go ahead");
    }

    @Test
    void digestIsTheSameWithOneThreadAndWithEight() {
        Result one = Cli.run("plan", "notification-rules-v2", "--demo", "--concurrency", "1");
        Result eight = Cli.run("plan", "notification-rules-v2", "--demo", "--concurrency", "8");
        assertThat(one.digest()).isEqualTo(eight.digest());
    }

    @Test
    void dryRunWritesNothingOutsideTheRunsBookkeeping() {
        Map<String, String> before = targetTables();
        Result r = Cli.run("plan", "notification-rules-v2", "--demo");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
        assertThat(targetTables()).isEqualTo(before);
    }

    /** Every table but the run's bookkeeping (its planned model in planned_entity and planned_member included) and JBeret's, with a fingerprint of its content. */
    private Map<String, String> targetTables() {
        List<String> bookkeeping = List.of("retrieved_page", "raw_record", "record_outcome", "record_leaf", "record_leaf_count", "plan_report", "planned_entity", "planned_member",
                "execution_failure", "execution_refusal", "run_settings", "flyway_schema_history");
        Map<String, String> fingerprints = new HashMap<>();
        for (String table : Sql.query(dataSource, """
                select table_name from information_schema.tables
                where table_schema = 'public' and table_type = 'BASE TABLE'""", rs -> rs.getString(1))) {
            boolean jberet = table.startsWith("job_") || table.startsWith("step_") || table.startsWith("partition_");
            if (!jberet && !bookkeeping.contains(table)) {
                fingerprints.put(table, Sql.query(dataSource, "select count(*) || ':' || coalesce(md5(string_agg(t::text, ',' order by t::text)), '') from "
                        + table + " t", rs -> rs.getString(1)).get(0));
            }
        }
        assertThat(fingerprints).containsKeys("target_entity", "executing_model", "model_generation", "dispatch_log");
        return fingerprints;
    }

    @Test
    void statusShowsTheFinishedPlanWithItsDigestAndSteps() throws Exception {
        Result r = Cli.run("plan", "notification-rules-v2", "--demo");
        String id = r.executionId();
        Result status = Cli.run("status", id, "--json");
        assertThat(status.exitCode()).as(status.toString()).isZero();
        JsonNode s = json.readTree(status.out());
        assertThat(s.get("executionId").asText()).isEqualTo(id);
        assertThat(s.get("migration").asText()).isEqualTo("notification-rules-v2");
        assertThat(s.get("mode").asText()).isEqualTo("dry-run");
        assertThat(s.get("batchStatus").asText()).isEqualTo("COMPLETED");
        assertThat(s.get("exitStatus").asText()).isEqualTo("PLANNED");
        assertThat(s.get("digest").asText()).isEqualTo(r.digest());
        assertThat(s.get("startTime").asText()).isNotEmpty();
        assertThat(s.get("endTime").asText()).isNotEmpty();
        assertThat(s.get("steps")).extracting(step -> step.get("name").asText())
                .contains("retrieve", "normalize", "plan");
        JsonNode normalize = null;
        for (JsonNode step : s.get("steps")) {
            if (step.get("name").asText().equals("normalize")) {
                normalize = step;
            }
        }
        assertThat(normalize.get("writeCount").asInt()).isEqualTo(demo.expected().size());

        Result all = Cli.run("status", "--json");
        JsonNode executions = json.readTree(all.out()).get("executions");
        assertThat(executions.get(0).get("executionId").asText()).isEqualTo(id);
        assertThat(executions.get(0).has("steps")).isFalse();
    }

    private long runIdOf(Result r) {
        return Sql.query(dataSource, "select jobinstanceid from job_execution where jobexecutionid = ?",
                rs -> rs.getLong(1), Long.parseLong(r.executionId())).get(0);
    }

    private static String key(String source, String id, Integer index) {
        return source + "/" + (id != null ? "id:" + id : "index:" + index);
    }

    private static long sum(JsonNode map) {
        long sum = 0;
        for (JsonNode v : map) {
            sum += v.asLong();
        }
        return sum;
    }
}
