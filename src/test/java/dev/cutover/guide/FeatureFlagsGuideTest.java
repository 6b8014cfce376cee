package dev.cutover.guide;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.cutover.framework.activate.GenerationSwitch;
import dev.cutover.framework.model.ExecutingModel;
import dev.cutover.framework.run.Sql;
import dev.cutover.framework.run.StepProbe;
import dev.cutover.guide.featureflags.FeatureFlagsMigration;
import dev.cutover.guide.featureflags.FlagEvaluator.Evaluation;
import dev.cutover.guide.featureflags.FlagEvaluator;
import dev.cutover.guide.featureflags.FlagSources;
import dev.cutover.guide.featureflags.FlagTable.Answer;
import dev.cutover.support.Cli.Result;
import dev.cutover.support.Cli;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The authoring guide's example, {@code feature-flags-v2}, through every gate with real HTTP sources
 * ({@link FlagSources}) and the real database: the template for testing a migration (jobs/README.md).
 */
@QuarkusTest
@TestProfile(GuideProfile.class)
class FeatureFlagsGuideTest {

    private static final String MIGRATION = FeatureFlagsMigration.ID;
    /** The fixture's two record anomalies: accepting both lets an apply of it go ahead. */
    private static final String ACCEPT = "MISSING_FIELD,UNKNOWN_STATE";
    /** The change tests make: dark-mode of checkout, off in prod, switched on. */
    private static final String DARK_MODE_ON_IN_PROD = """
            {"id": "checkout@prod", "version": 3, "app": "checkout", "env": "prod",
             "flags": {"new-cart": "on", "dark-mode": "on", "express-pay": 1}}""";

    @Inject
    GenerationSwitch generations;

    @Inject
    FlagEvaluator evaluator;

    @Inject
    ObjectMapper json;

    @Inject
    DataSource dataSource;

    @TempDir
    Path dir;

    /** After as before: each test starts with legacy executing, whatever the others activated. */
    @BeforeEach
    @AfterEach
    void startFromLegacy() {
        while (!generations.current(MIGRATION).isLegacy()) {
            Result r = Cli.run("rollback", MIGRATION);
            assertThat(r.exitCode()).as(r.toString()).isZero();
        }
    }

    @Test
    void planReportsFlagCountsAnomaliesAndEqualBehavior() throws IOException {
        try (FlagSources sources = FlagSources.start()) {
            Path out = dir.resolve("plan.json");
            Result refused = Cli.run(sources.args("plan", "--out", out.toString()));
            assertThat(refused.exitCode()).as("apply would be refused: " + refused).isEqualTo(3);

            JsonNode report = json.readTree(out.toFile());
            assertThat(report.get("migration").asText()).isEqualTo(MIGRATION);
            assertThat(report.get("counts").toString())
                    .isEqualTo("{\"fetched\":7,\"migrated\":4,\"skipped\":1,\"anomalies\":2,\"flags\":5}");
            assertThat(report.get("skipped").toString()).isEqualTo("{\"NO_FLAGS\":1}");
            assertThat(report.get("anomalies").toString()).isEqualTo("{\"MISSING_FIELD\":1,\"UNKNOWN_STATE\":1}");
            assertThat(report.get("anomalyRecords").toString())
                    .contains("{\"source\":\"eu-1\",\"id\":\"search@prod\",\"code\":\"UNKNOWN_STATE\","
                            + "\"detail\":\"flags.fuzzy: expected on or off, got string \\\"maybe\\\"\"}")
                    .contains("{\"source\":\"us-1\",\"id\":\"search@qa\",\"code\":\"MISSING_FIELD\",\"detail\":\"app is missing\"}");
            assertThat(report.get("behavior").toString())
                    .isEqualTo("{\"horizonHours\":0,\"legacyDispatches\":10,\"newDispatches\":10,\"equal\":true}");

            Result accepted = Cli.run(sources.args("plan", "--accept", ACCEPT));
            assertThat(accepted.exitCode()).as(accepted.toString()).isZero();
            assertThat(accepted.out()).contains("dry-run feature-flags-v2: execution " + accepted.executionId() + " COMPLETED/PLANNED")
                    .contains("records   7 fetched = 4 migrated + 1 skipped + 2 anomalies").contains("flags     5")
                    .contains("apply would go ahead");
            assertThat(accepted.digest()).as("the digest describes the data, not the run").isEqualTo(report.get("digest").asText());
        }
    }

    @Test
    void applyWithTheReviewedDigestActivatesAndASecondApplyChangesNothing() {
        try (FlagSources sources = FlagSources.start()) {
            String digest = Cli.run(sources.args("plan", "--accept", ACCEPT)).digest();

            Result applied = Cli.run(sources.args("apply", "--accept", ACCEPT, "--plan-digest", digest));
            assertThat(applied.exitCode()).as(applied.toString()).isZero();
            int generation = generations.current(MIGRATION).generation();
            assertThat(generation).isPositive();
            assertThat(applied.out()).contains("activated: feature-flags-v2 now executes generation " + generation);
            assertThat(exitStatus(applied)).isEqualTo("ACTIVATED");

            Result again = Cli.run(sources.args("apply", "--accept", ACCEPT));
            assertThat(again.exitCode()).as(again.toString()).isZero();
            assertThat(again.out()).contains("nothing to do: feature-flags-v2 already executes generation " + generation);
            assertThat(exitStatus(again)).isEqualTo("UNCHANGED");
            assertThat(generations.current(MIGRATION).generation()).isEqualTo(generation);
        }
    }

    @Test
    void applyWithAStaleDigestIsRefused() {
        try (FlagSources sources = FlagSources.start()) {
            Result r = Cli.run(sources.args("apply", "--accept", ACCEPT, "--plan-digest", "sha256:" + "0".repeat(64)));
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
            assertThat(r.out()).contains("DIGEST_MISMATCH");
            assertThat(generations.current(MIGRATION).isLegacy()).isTrue();
        }
    }

    @Test
    void exportListsTheExecutingFlagsUnderTheEntityKind() throws IOException {
        JsonNode legacy = json.readTree(Cli.run("export", MIGRATION).out());
        assertThat(legacy.toString()).isEqualTo("{\"migration\":\"feature-flags-v2\",\"generation\":0,\"flags\":[]}");
        try (FlagSources sources = FlagSources.start()) {
            assertThat(Cli.run(sources.args("apply", "--accept", ACCEPT)).exitCode()).isZero();
            JsonNode export = json.readTree(Cli.run("export", MIGRATION).out());
            assertThat(export.get("generation").asInt()).isEqualTo(generations.current(MIGRATION).generation());
            assertThat(lines(export.get("flags"))).containsExactly(
                    "{\"app\":\"checkout\",\"flag\":\"dark-mode\",\"on\":[\"dev\",\"staging\"],\"off\":[\"prod\"]}",
                    "{\"app\":\"checkout\",\"flag\":\"express-pay\",\"on\":[\"prod\"],\"off\":[\"staging\"]}",
                    "{\"app\":\"checkout\",\"flag\":\"new-cart\",\"on\":[\"dev\",\"prod\",\"staging\"],\"off\":[]}",
                    "{\"app\":\"search\",\"flag\":\"fuzzy\",\"on\":[\"dev\"],\"off\":[]}",
                    "{\"app\":\"search\",\"flag\":\"synonyms\",\"on\":[],\"off\":[\"dev\"]}");
        }
    }

    @Test
    void anAnomalyRefusesApplyUntilItsCodeIsAccepted() {
        try (FlagSources sources = FlagSources.start()) {
            Result refused = Cli.run(sources.args("apply", "--accept", "UNKNOWN_STATE"));
            assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(3);
            assertThat(refused.out()).contains("apply refused, nothing activated:").contains("MISSING_FIELD: 1 record(s)")
                    .doesNotContain("UNKNOWN_STATE:");
            assertThat(exitStatus(refused)).isEqualTo("REFUSED");
            assertThat(generations.current(MIGRATION).isLegacy()).isTrue();

            Result accepted = Cli.run(sources.args("apply", "--accept", ACCEPT));
            assertThat(accepted.exitCode()).as(accepted.toString()).isZero();
        }
    }

    @Test
    void recordsThatDisagreeAboutOneFlagAreAPlanAnomaly() throws IOException {
        try (FlagSources sources = FlagSources.start()) {
            sources.upsert("us-1", """
                    {"id": "checkout@prod-us", "version": 1, "app": "checkout", "env": "PROD", "flags": {"new-cart": "off"}}""");
            Path out = dir.resolve("conflict.json");
            Result r = Cli.run(sources.args("apply", "--accept", ACCEPT, "--out", out.toString()));
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
            assertThat(json.readTree(out.toFile()).get("planAnomalies").toString()).isEqualTo(
                    "[{\"code\":\"CONFLICTING_STATE\",\"detail\":\"checkout/new-cart is both on and off in prod\"}]");
            assertThat(generations.current(MIGRATION).isLegacy()).isTrue();
        }
    }

    @Test
    void aSourceChangeAfterActivationActivatesANewGenerationOnTheNextApply() {
        try (FlagSources sources = FlagSources.start()) {
            assertThat(Cli.run(sources.args("apply", "--accept", ACCEPT)).exitCode()).isZero();
            int first = generations.current(MIGRATION).generation();

            sources.upsert("eu-1", DARK_MODE_ON_IN_PROD);
            Result changed = Cli.run(sources.args("apply", "--accept", ACCEPT));
            assertThat(changed.exitCode()).as(changed.toString()).isZero();
            assertThat(generations.current(MIGRATION).generation()).isEqualTo(first + 1);
            assertThat(Cli.run("export", MIGRATION).out()).contains(
                    "\"app\" : \"checkout\",\n    \"flag\" : \"dark-mode\",\n    \"on\" : [ \"dev\", \"prod\", \"staging\" ]");
        }
    }

    @Test
    void aSourceChangeDuringApplyIsRefusedAsDrift() {
        try (FlagSources sources = FlagSources.start()) {
            QuarkusMock.installMockForType(new StepProbe() {
                @Override
                public void reached(String point) {
                    if (point.equals("validate")) {
                        sources.upsert("eu-1", DARK_MODE_ON_IN_PROD);
                    }
                }
            }, StepProbe.class);
            Result r = Cli.run(sources.args("apply", "--accept", ACCEPT));
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
            assertThat(r.out()).contains("DRIFT: legacy configuration changed after it was retrieved: eu-1: ")
                    .contains("checkout@prod");
            assertThat(generations.current(MIGRATION).isLegacy()).isTrue();
        }
    }

    @Test
    void rollbackReturnsToThePreviousGenerationThenToLegacy() throws IOException {
        try (FlagSources sources = FlagSources.start()) {
            assertThat(Cli.run(sources.args("apply", "--accept", ACCEPT)).exitCode()).isZero();
            int first = generations.current(MIGRATION).generation();
            JsonNode firstExport = json.readTree(Cli.run("export", MIGRATION).out());
            sources.upsert("eu-1", DARK_MODE_ON_IN_PROD);
            assertThat(Cli.run(sources.args("apply", "--accept", ACCEPT)).exitCode()).isZero();
            int second = generations.current(MIGRATION).generation();

            Result back = Cli.run("rollback", MIGRATION);
            assertThat(back.exitCode()).as(back.toString()).isZero();
            assertThat(back.out()).contains("rolled back: feature-flags-v2 now executes generation " + first + " (was " + second + ")");
            assertThat(json.readTree(Cli.run("export", MIGRATION).out())).isEqualTo(firstExport);

            assertThat(Cli.run("rollback", MIGRATION).exitCode()).isZero();
            assertThat(generations.current(MIGRATION).isLegacy()).isTrue();
            Result nothing = Cli.run("rollback", MIGRATION);
            assertThat(nothing.exitCode()).as(nothing.toString()).isEqualTo(3);
        }
        // no live executor reads this migration's models by key: two activations and two rollbacks built no key index
        assertThat(Sql.query(dataSource, "select count(*) from model_key_index where migration = ?", rs -> rs.getLong(1),
                MIGRATION)).containsExactly(0L);
    }

    @Test
    void theEvaluatorAnswersFromWhicheverModelExecutes() {
        try (FlagSources sources = FlagSources.start()) {
            // legacy executes: the records of the latest planned run stand in for the legacy system
            Cli.run(sources.args("plan", "--accept", ACCEPT));
            assertThat(evaluator.evaluate("checkout", "prod", "dark-mode")).extracting(Evaluation::generation, Evaluation::answer)
                    .containsExactly(0, Answer.OFF);

            assertThat(Cli.run(sources.args("apply", "--accept", ACCEPT)).exitCode()).isZero();
            int first = generations.current(MIGRATION).generation();
            assertThat(evaluator.evaluate("checkout", "prod", "dark-mode")).extracting(Evaluation::generation, Evaluation::answer)
                    .containsExactly(first, Answer.OFF);
            assertThat(evaluator.evaluate("checkout", "staging", "new-cart").on()).isTrue();
            assertThat(evaluator.evaluate("search", "prod", "fuzzy").answer()).as("its record is an anomaly").isEqualTo(Answer.UNSET);

            sources.upsert("eu-1", DARK_MODE_ON_IN_PROD);
            assertThat(Cli.run(sources.args("apply", "--accept", ACCEPT)).exitCode()).isZero();
            assertThat(evaluator.evaluate("checkout", "prod", "dark-mode")).extracting(Evaluation::generation, Evaluation::answer)
                    .containsExactly(first + 1, Answer.ON);

            assertThat(Cli.run("rollback", MIGRATION).exitCode()).isZero();
            assertThat(evaluator.evaluate("checkout", "prod", "dark-mode")).extracting(Evaluation::generation, Evaluation::answer)
                    .containsExactly(first, Answer.OFF);
        }
    }

    @Test
    void theDemoDataPlansWithoutAnySourceConfigured() {
        Result r = Cli.run("plan", MIGRATION, "--demo", "--accept", ACCEPT);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("records   7 fetched = 4 migrated + 1 skipped + 2 anomalies").contains("flags     5");
    }

    @Test
    void activatingFlagsLeavesTheReferenceMigrationAlone() {
        ExecutingModel reference = generations.current("notification-rules-v2");
        try (FlagSources sources = FlagSources.start()) {
            assertThat(Cli.run(sources.args("apply", "--accept", ACCEPT)).exitCode()).isZero();
            assertThat(generations.current(MIGRATION).isLegacy()).isFalse();
            assertThat(generations.current("notification-rules-v2")).isEqualTo(reference);

            assertThat(Cli.run("rollback", MIGRATION).exitCode()).isZero();
            assertThat(generations.current("notification-rules-v2")).isEqualTo(reference);
        }
    }

    private String exitStatus(Result r) {
        try {
            return json.readTree(Cli.run("status", r.executionId(), "--json").out()).get("exitStatus").asText();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> lines(JsonNode array) {
        List<String> lines = new ArrayList<>();
        array.forEach(node -> lines.add(node.toString()));
        return lines;
    }
}
