package dev.cutover.framework.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.cutover.framework.activate.GenerationSwitch;
import dev.cutover.support.Apply;
import dev.cutover.support.Cli;
import dev.cutover.support.Cli.Result;
import dev.cutover.support.TestSources;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The plan report says whether apply would go ahead ({@code verdict}) and how to apply it
 * ({@code applyCommand}); both describe the run, not the data, so the digest does not cover them; the
 * exit code of {@code plan} follows the verdict.
 */
@QuarkusTest
class PlanVerdictTest {

    @Inject
    GenerationSwitch generations;

    @Inject
    ObjectMapper json;

    @BeforeEach
    @AfterEach
    void startFromLegacy() {
        Apply.startFromLegacy(generations);
    }

    /** 20 valid rules and one whose schedule is not a cron: {@code INVALID_CRON}. */
    static List<JsonNode> rulesWithAnInvalidCron() {
        List<JsonNode> rules = new ArrayList<>(TestSources.rules("v1", 20));
        ObjectNode bad = rules.get(0).deepCopy();
        bad.put("id", "v1-bad-cron");
        ((ObjectNode) bad.get("spec")).put("schedule", "61 * * * *");
        rules.add(bad);
        return rules;
    }

    @Test
    void sameDataWithOtherAcceptedCodesHasTheSameDigestAndAnotherVerdictAndExitCode() throws Exception {
        try (TestSources sources = TestSources.serving("v1", rulesWithAnInvalidCron(), 100)) {
            Path dir = Files.createTempDirectory("verdict");
            Result refused = Cli.run(sources.planArgs("--out", dir.resolve("refused.json").toString()));
            Result accepted = Cli.run(sources.planArgs("--accept", "INVALID_CRON", "--out", dir.resolve("accepted.json").toString()));

            assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(3);
            assertThat(accepted.exitCode()).as(accepted.toString()).isZero();
            JsonNode refusedReport = json.readTree(dir.resolve("refused.json").toFile());
            JsonNode acceptedReport = json.readTree(dir.resolve("accepted.json").toFile());
            assertThat(refusedReport.get("digest")).isEqualTo(acceptedReport.get("digest"));

            assertThat(refusedReport.at("/verdict/decision").asText()).isEqualTo("REFUSED");
            assertThat(refusedReport.at("/verdict/refusals/0/code").asText()).isEqualTo("INVALID_CRON");
            assertThat(refusedReport.at("/verdict/refusals/0/message").asText()).contains("1 record(s) with anomaly INVALID_CRON");
            assertThat(refusedReport.at("/verdict/refusals")).hasSize(1);
            assertThat(acceptedReport.at("/verdict/decision").asText()).isEqualTo("STAGE");
            assertThat(acceptedReport.at("/verdict/refusals")).isEmpty();

            String digest = acceptedReport.get("digest").asText();
            String source = "--source v1=" + sources.get(1).baseUrl();
            assertThat(refusedReport.get("applyCommand").asText())
                    .isEqualTo("cutover apply notification-rules-v2 " + source + " --plan-digest " + digest);
            assertThat(acceptedReport.get("applyCommand").asText())
                    .isEqualTo("cutover apply notification-rules-v2 " + source + " --accept INVALID_CRON --plan-digest " + digest);
        }
    }

    @Test
    void planOfTheDataTheExecutingGenerationCameFromIsUnchangedAndAStaleDigestRefusesTheApplyInItsReport()
            throws Exception {
        try (TestSources sources = TestSources.start(1, 30, 100)) {
            Result applied = Cli.run(sources.args("apply"));
            assertThat(applied.exitCode()).as(applied.toString()).isZero();

            Path out = Files.createTempDirectory("verdict").resolve("again.json");
            Result again = Cli.run(sources.planArgs("--out", out.toString()));
            assertThat(again.exitCode()).as(again.toString()).isZero();
            assertThat(json.readTree(out.toFile()).at("/verdict/decision").asText()).isEqualTo("UNCHANGED");

            String stale = "sha256:" + "0".repeat(64);
            Result refused = Cli.run(sources.args("apply", "--plan-digest", stale, "--out", out.toString()));
            assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(3);
            JsonNode report = json.readTree(out.toFile());
            assertThat(report.at("/verdict/decision").asText()).isEqualTo("REFUSED");
            assertThat(report.at("/verdict/refusals/0/code").asText()).isEqualTo("DIGEST_MISMATCH");
        }
    }
}
