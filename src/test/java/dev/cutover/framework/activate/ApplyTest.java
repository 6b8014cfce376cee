package dev.cutover.framework.activate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.cutover.framework.run.Sql;
import dev.cutover.migrations.notifications.demo.DemoRules;
import dev.cutover.migrations.notifications.demo.DemoSources;
import dev.cutover.support.Apply;
import dev.cutover.support.Cli.Result;
import dev.cutover.support.Cli;
import io.quarkus.test.junit.QuarkusTest;

/** Apply on the demo data: activation, export, idempotence, new generations, rollback. */
@QuarkusTest
class ApplyTest {

    private static final String MIGRATION = "notification-rules-v2";

    @Inject
    GenerationSwitch generations;

    @Inject
    DataSource dataSource;

    /** After as before: a generation left executing would be a MASS_REMOVAL for the plans of other tests. */
    @BeforeEach
    @AfterEach
    void startFromLegacy() {
        Apply.startFromLegacy(generations);
    }

    @Inject
    ObjectMapper json;

    @Test
    void applyActivatesANewGenerationWhoseExportIsTheExpectedNormalization() throws Exception {
        try (DemoSources sources = DemoSources.start()) {
            int before = generations.current(MIGRATION).generation();
            Result r = Cli.run(Apply.accepting(sources));
            assertThat(r.exitCode()).as(r.toString()).isZero();
            int generation = generations.current(MIGRATION).generation();
            assertThat(generation).isGreaterThan(before);
            assertThat(r.out()).contains("activated: notification-rules-v2 now executes generation " + generation);

            JsonNode export = json.readTree(Cli.run("export", MIGRATION).out());
            assertThat(export.get("migration").asText()).isEqualTo(MIGRATION);
            assertThat(export.get("generation").asInt()).isEqualTo(generation);
            assertThat(policies(export)).isEqualTo(expectedPolicies(sources.rules()));

            long runId = generations.current(MIGRATION).runId();
            long migrated = Sql.query(dataSource, "select count(*) from record_outcome where run_id = ? and kind = 'MIGRATED'",
                    rs -> rs.getLong(1), runId).get(0);
            long withLineage = Sql.query(dataSource,
                    "select count(*) from (select distinct source, record_key from target_lineage where run_id = ?) l",
                    rs -> rs.getLong(1), runId).get(0);
            assertThat(withLineage).isEqualTo(migrated).isEqualTo(sources.rules().expectedCounts().get(DemoRules.MIGRATED).longValue());
        }
    }

    @Test
    void secondApplyOverUnchangedSourcesHasNothingToDo() {
        try (DemoSources sources = DemoSources.start()) {
            Result first = Cli.run(Apply.accepting(sources));
            assertThat(first.exitCode()).as(first.toString()).isZero();
            int generation = generations.current(MIGRATION).generation();
            long entities = count("target_entity");

            Result second = Cli.run(Apply.accepting(sources));
            assertThat(second.exitCode()).as(second.toString()).isZero();
            assertThat(second.out()).contains("nothing to do");
            assertThat(generations.current(MIGRATION).generation()).isEqualTo(generation);
            assertThat(count("target_entity")).as("nothing staged by the second apply").isEqualTo(entities);
        }
    }

    @Test
    void changedSourceGivesANewGenerationAndRollbackReturnsToThePreviousOne() throws Exception {
        try (DemoSources sources = DemoSources.start()) {
            assertThat(Cli.run(Apply.accepting(sources)).exitCode()).isZero();
            int first = generations.current(MIGRATION).generation();
            JsonNode firstExport = json.readTree(Cli.run("export", MIGRATION).out());

            ObjectNode rule = (ObjectNode) sources.server("eu-1").data().items().stream()
                    .filter(i -> DemoRules.MIGRATED.equals(sources.rules().expectedById("eu-1").get(i.path("id").asText())))
                    .findFirst().orElseThrow().deepCopy();
            rule.put("version", rule.get("version").asInt() + 1);
            rule.put("tenant", "tenant-added-by-test");
            sources.server("eu-1").data().upsert(rule);

            Result changed = Cli.run(Apply.accepting(sources));
            assertThat(changed.exitCode()).as(changed.toString()).isZero();
            int second = generations.current(MIGRATION).generation();
            assertThat(second).isEqualTo(first + 1);
            assertThat(Cli.run("export", MIGRATION).out()).contains("tenant-added-by-test");

            Result rollback = Cli.run("rollback", MIGRATION);
            assertThat(rollback.exitCode()).as(rollback.toString()).isZero();
            assertThat(rollback.out()).contains("now executes generation " + first + " (was " + second + ")");
            assertThat(json.readTree(Cli.run("export", MIGRATION).out())).isEqualTo(firstExport);

            Result again = Cli.run(Apply.accepting(sources));
            assertThat(again.exitCode()).as(again.toString()).isZero();
            assertThat(generations.current(MIGRATION).generation()).as("a later apply activates a new number")
                    .isEqualTo(second + 1);
        }
    }

    @Test
    void rollbackAllTheWayToLegacyThenRefusesAndExportShowsGenerationZero() throws Exception {
        try (DemoSources sources = DemoSources.start()) {
            assertThat(Cli.run(Apply.accepting(sources)).exitCode()).isZero();
            while (!generations.current(MIGRATION).isLegacy()) {
                assertThat(Cli.run("rollback", MIGRATION).exitCode()).isZero();
            }
            Result refused = Cli.run("rollback", MIGRATION);
            assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(3);
            assertThat(refused.out()).contains("nothing to roll back to");
            JsonNode export = json.readTree(Cli.run("export", MIGRATION).out());
            assertThat(export.get("generation").asInt()).isZero();
            assertThat(export.get("policies")).isEmpty();
        }
    }

    private long count(String table) {
        return Sql.query(dataSource, "select count(*) from " + table, rs -> rs.getLong(1)).get(0);
    }

    private static List<String> policies(JsonNode export) {
        List<String> policies = new ArrayList<>();
        export.get("policies").forEach(p -> policies.add(p.toString()));
        return policies;
    }

    private List<String> expectedPolicies(DemoRules rules) {
        List<String> expected = new ArrayList<>();
        for (DemoRules.ExpectedPolicy p : rules.expectedPolicies()) {
            ObjectNode node = json.createObjectNode();
            node.put("tenant", p.tenant()).put("channel", p.channel()).put("priority", p.priority())
                    .put("schedule", p.schedule()).put("timezone", p.timezone());
            p.recipients().forEach(node.putArray("recipients")::add);
            expected.add(node.toString());
        }
        return expected;
    }
}
