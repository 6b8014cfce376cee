package dev.cutover.ops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.cutover.framework.activate.GenerationSwitch;
import dev.cutover.migrations.notifications.demo.DemoSources;
import dev.cutover.support.Apply;
import dev.cutover.support.Cli;
import dev.cutover.support.Cli.Result;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What {@code status} and {@code export} tell an operator: headers, the generation each migration
 * executes with its activations and rollbacks, steps that say whether they counted pages or records,
 * and the export's one-line summary (on stderr, so that stdout stays the model).
 */
@QuarkusTest
class StatusCommandTest {

    private static final String MIGRATION = "notification-rules-v2";

    @Inject
    GenerationSwitch generations;

    @Inject
    ObjectMapper json;

    @Test
    void statusShowsHeadersTheExecutingGenerationAndItsActivationsAndRollbacks() throws Exception {
        Apply.startFromLegacy(generations);
        Result apply;
        try (DemoSources sources = DemoSources.start()) {
            apply = Cli.run(Apply.accepting(sources));
        }
        assertThat(apply.exitCode()).as(apply.toString()).isZero();
        int activated = generations.current(MIGRATION).generation();
        Result rollback = Cli.run("rollback", MIGRATION);
        assertThat(rollback.exitCode()).as(rollback.toString()).isZero();

        Result status = Cli.run("status");
        assertThat(status.exitCode()).as(status.toString()).isZero();
        assertThat(status.out()).containsPattern("EXECUTION\\s+MIGRATION\\s+MODE\\s+STATUS\\s+EXIT\\s+STARTED\\s+DIGEST")
                .containsPattern("MIGRATION\\s+EXECUTING\\s+SINCE")
                .containsPattern(MIGRATION + "\\s+legacy \\(0\\)")
                .contains("activated generation " + activated + " (was 0) by execution " + apply.executionId())
                .contains("rolled back to generation 0 (was " + activated + ")")
                .containsPattern("rate-limits-v2\\s+");
        assertThat(status.out().indexOf("activated generation " + activated + " "))
                .as("history oldest first").isLessThan(status.out().indexOf("rolled back to generation 0 (was " + activated + ")"));

        JsonNode all = json.readTree(Cli.run("status", "--json").out());
        assertThat(all.get("executions").isArray()).isTrue();
        JsonNode reference = null;
        for (JsonNode m : all.get("migrations")) {
            if (m.get("migration").asText().equals(MIGRATION)) {
                reference = m;
            }
        }
        assertThat(reference.get("generation").asInt()).isZero();
        JsonNode last = reference.get("history").get(reference.get("history").size() - 1);
        assertThat(last.get("kind").asText()).isEqualTo("rolled back");
        assertThat(last.get("from").asInt()).isEqualTo(activated);
    }

    @Test
    void statusOfAnExecutionNamesPagesAndRecordsApart() throws Exception {
        Result plan = Cli.run("plan", MIGRATION, "--demo");
        String id = plan.executionId();
        Result status = Cli.run("status", id);
        assertThat(status.exitCode()).as(status.toString()).isZero();
        assertThat(status.out()).containsPattern("step retrieve\\s+COMPLETED\\s+read [\\d,]+ pages, wrote [\\d,]+ pages")
                .containsPattern("step normalize\\s+COMPLETED\\s+read [\\d,]+ records, wrote [\\d,]+ records")
                .containsPattern("step plan\\s+COMPLETED\\s*\\n");
        JsonNode steps = json.readTree(Cli.run("status", id, "--json").out()).get("steps");
        for (JsonNode step : steps) {
            switch (step.get("name").asText()) {
                case "retrieve" -> assertThat(step.get("unit").asText()).isEqualTo("pages");
                case "normalize" -> assertThat(step.get("unit").asText()).isEqualTo("records");
                default -> assertThat(step.has("unit")).as(step.toString()).isFalse();
            }
        }
    }

    @Test
    void exportPrintsAOneLineSummaryOnStderr() throws Exception {
        Apply.startFromLegacy(generations);
        Result legacy = Cli.run("export", MIGRATION);
        assertThat(legacy.exitCode()).as(legacy.toString()).isZero();
        assertThat(legacy.err()).isEqualTo("exported generation 0 of " + MIGRATION + ": legacy executes, no policies to stdout\n");
        assertThat(json.readTree(legacy.out()).get("generation").asInt()).isZero();

        try (DemoSources sources = DemoSources.start()) {
            assertThat(Cli.run(Apply.accepting(sources)).exitCode()).isZero();
        }
        Path file = Files.createTempFile("export", ".json");
        Result exported = Cli.run("export", MIGRATION, "--out", file.toString());
        assertThat(exported.exitCode()).as(exported.toString()).isZero();
        JsonNode model = json.readTree(file.toFile());
        assertThat(exported.err()).isEqualTo(String.format(java.util.Locale.ROOT, "exported generation %d of %s: %,d policies to %s%n",
                model.get("generation").asInt(), MIGRATION, model.get("policies").size(), file));
        assertThat(exported.out()).isEmpty();
    }
}
