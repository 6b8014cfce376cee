package dev.cutover.migrations.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.cutover.framework.activate.GenerationSwitch;
import dev.cutover.framework.run.Sql;
import dev.cutover.framework.source.server.InFlightGauge;
import dev.cutover.framework.source.server.LegacySourceData;
import dev.cutover.framework.source.server.LegacySourceServer;
import dev.cutover.support.Apply;
import dev.cutover.support.Cli.Result;
import dev.cutover.support.Cli;
import dev.cutover.support.TestSources;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Records built to break the pipeline, served by a real source among normal ones: each ends in its
 * named anomaly (or migrates), the pages that hold them are stored like any other, and an apply that
 * accepts the codes activates, drift check included.
 */
@QuarkusTest
class HostileRecordsTest {

    private static final String MIGRATION = "notification-rules-v2";
    private static final int NORMAL = 40;

    @Inject
    GenerationSwitch generations;

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    @BeforeEach
    void startFromLegacy() {
        Apply.startFromLegacy(generations);
    }

    @Test
    void hostileRecordsEndInTheirAnomalyWhileTheOthersMigrateAndApplyActivates() throws Exception {
        String longId = "h-long-" + "x".repeat(3000);
        List<JsonNode> items = new ArrayList<>(TestSources.rules("h", NORMAL));
        ObjectNode nulTenant = rule("h-nul-tenant");
        nulTenant.put("tenant", "ac\u0000me").put("enabled", false);
        items.add(5, nulTenant);
        items.add(17, rule("h-nul\u0000id"));
        ObjectNode deep = rule("h-deep");
        deep.set("spec", wrapped(1200, deep.get("spec")));
        items.add(30, deep);
        ObjectNode longRule = rule(longId);
        ((ObjectNode) longRule.get("spec")).put("channel", "pager").putArray("recipients").add("long-id-team");
        items.add(38, longRule);
        int nulIdIndex = 17;

        // pages of 10: every hostile record shares its page with normal ones
        try (LegacySourceServer source = new LegacySourceServer("h1", new LegacySourceData(items), 10, new InFlightGauge())) {
            String url = "h1=" + source.start();
            Path out = Files.createTempDirectory("hostile").resolve("plan.json");
            Result plan = Cli.run("plan", MIGRATION, "--source", url, "--accept", "MALFORMED_RECORD,WRAPPER_TOO_DEEP",
                    "--out", out.toString());
            assertThat(plan.exitCode()).as(plan.toString()).isZero();

            JsonNode report = json.readTree(out.toFile());
            JsonNode counts = report.get("counts");
            assertThat(counts.get("fetched").asLong()).isEqualTo(NORMAL + 4)
                    .isEqualTo(counts.get("migrated").asLong() + counts.get("skipped").asLong() + counts.get("anomalies").asLong());
            assertThat(counts.get("migrated").asLong()).isEqualTo(NORMAL + 1);
            assertThat(counts.get("skipped").asLong()).isZero();
            assertThat(report.get("anomalies").toString()).isEqualTo("{\"MALFORMED_RECORD\":2,\"WRAPPER_TOO_DEEP\":1}");
            // the source counts the NUL id among its ids, and so does fetched: nothing is missing
            assertThat(report.get("sources").get(0).get("fetched").asLong()).isEqualTo(NORMAL + 4)
                    .isEqualTo(report.get("sources").get(0).get("total").asLong());
            assertThat(report.get("planAnomalies")).isEmpty();

            assertThat(anomaly(report, "h-deep").get("code").asText()).isEqualTo("WRAPPER_TOO_DEEP");
            assertThat(anomaly(report, "h-deep").get("detail").asText())
                    .isEqualTo("spec(.inner)*1200: 1200 wrapped levels above this leaf, at most 16");
            assertThat(anomaly(report, "h-nul-tenant").get("detail").asText())
                    .isEqualTo("tenant: expected a string without U+0000 (NUL), got string \"ac\\u0000me\"");
            JsonNode nulId = anomaly(report, null);
            assertThat(nulId.get("index").asInt()).isEqualTo(nulIdIndex);
            assertThat(nulId.get("code").asText()).isEqualTo("MALFORMED_RECORD");
            assertThat(nulId.get("detail").asText())
                    .isEqualTo("id: expected a string without U+0000 (NUL), got string \"h-nul\\u0000id\"");

            long runId = Long.parseLong(Sql.query(dataSource, "select run_id from plan_report where execution_id = ?",
                    rs -> rs.getString(1), Long.parseLong(plan.executionId())).get(0));
            assertThat(Sql.query(dataSource, "select record_key, kind from record_outcome where run_id = ? and rec_id = ?",
                    rs -> rs.getString(1) + " " + rs.getString(2), runId, longId))
                    .singleElement().asString().matches("d:[0-9a-f]{64} MIGRATED");

            Result apply = Cli.run("apply", MIGRATION, "--source", url, "--accept", "MALFORMED_RECORD,WRAPPER_TOO_DEEP");
            assertThat(apply.exitCode()).as(apply.toString()).isZero();
            assertThat(apply.out()).contains("activated: " + MIGRATION + " now executes generation");
            assertThat(Cli.run("export", MIGRATION).out()).contains("long-id-team");
        }
    }

    private static JsonNode anomaly(JsonNode report, String id) {
        for (JsonNode record : report.get("anomalyRecords")) {
            if (id == null ? record.get("id").isNull() : id.equals(record.get("id").asText())) {
                return record;
            }
        }
        throw new AssertionError("no anomaly record " + id + " in " + report.get("anomalyRecords"));
    }

    private static ObjectNode rule(String id) {
        ObjectNode rule = (ObjectNode) TestSources.rules("h", 1).get(0);
        return rule.put("id", id);
    }

    /** Built iteratively: a tree this deep is fine to hold, not to build or walk by recursion. */
    private static JsonNode wrapped(int depth, JsonNode inner) {
        JsonNode node = inner;
        for (int i = 0; i < depth; i++) {
            ObjectNode wrapper = JsonNodeFactory.instance.objectNode().put("kind", "wrapped");
            wrapper.set("inner", node);
            node = wrapper;
        }
        return node;
    }
}
