package dev.cutover.migrations.ratelimits;

import static dev.cutover.migrations.ratelimits.RateLimitsRuns.MIGRATION;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.cutover.framework.activate.GenerationSwitch;
import dev.cutover.framework.migration.Entity;
import dev.cutover.framework.migration.JsonCodec;
import dev.cutover.migrations.ratelimits.demo.DemoRegions;
import dev.cutover.migrations.ratelimits.demo.KvClient;
import dev.cutover.migrations.ratelimits.plan.Quota;
import dev.cutover.support.Cli.Result;
import dev.cutover.support.Cli;
import io.quarkus.test.junit.QuarkusTest;

/** rate-limits-v2 end to end on its demo data: plan, apply, export, idempotence, rollback. */
@QuarkusTest
class RateLimitsApplyTest {

    @Inject
    GenerationSwitch generations;

    @Inject
    ObjectMapper json;

    @BeforeEach
    @AfterEach
    void startFromLegacy() {
        RateLimitsRuns.startFromLegacy(generations);
    }

    @Test
    void aPlanOfTheBuiltInDemoIsRefusedUntilItsCodesAreAcceptedAndCountsQuotas() throws Exception {
        Result refused = Cli.run("plan", MIGRATION, "--demo");
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(3);
        assertThat(refused.toString()).contains("REGION_CONFLICT", "DUPLICATE_KEY");
        java.nio.file.Path out = java.nio.file.Files.createTempFile("rate-limits-plan", ".json");
        Result accepted = Cli.run("plan", MIGRATION, "--demo", "--accept", RateLimitsRuns.ACCEPT_DEMO, "--out", out.toString());
        assertThat(accepted.exitCode()).as(accepted.toString()).isZero();
        assertThat(accepted.digest()).isEqualTo(refused.digest());
        JsonNode report = json.readTree(out.toFile());
        assertThat(report.get("migration").asText()).isEqualTo(MIGRATION);
        assertThat(report.at("/counts/quotas").asInt()).isPositive();
        assertThat(report.at("/skipped/FOLDER").asInt()).isPositive();
        assertThat(report.at("/behavior/equal").asBoolean()).isTrue();
        assertThat(report.at("/behavior/horizonHours").asInt()).isZero();
        assertThat(report.get("planAnomalies").toString()).contains("REGION_CONFLICT", "svc-00 * *");
    }

    @Test
    void applyActivatesTheQuotasTheDemoPlansAndExportsThemSorted() throws Exception {
        try (DemoRegions regions = DemoRegions.start()) {
            InMemoryPlan expected = InMemoryPlan.of(KvClient.listAll(regions));
            int before = generations.current(MIGRATION).generation();
            Result r = RateLimitsRuns.apply(regions);
            assertThat(r.exitCode()).as(r.toString()).isZero();
            int generation = generations.current(MIGRATION).generation();
            assertThat(generation).isGreaterThan(before);

            JsonNode export = json.readTree(Cli.run("export", MIGRATION).out());
            assertThat(export.get("migration").asText()).isEqualTo(MIGRATION);
            assertThat(export.get("generation").asInt()).isEqualTo(generation);
            assertThat(quotas(export.get("quotas"))).isEqualTo(expected.entities.stream().map(e -> e.body()).toList());

            Result again = RateLimitsRuns.apply(regions);
            assertThat(again.exitCode()).as(again.toString()).isZero();
            assertThat(generations.current(MIGRATION).generation()).as("a second apply changes nothing").isEqualTo(generation);
        }
    }

    @Test
    void rollbackReturnsToLegacyAndTheExportSaysSo() throws Exception {
        try (DemoRegions regions = DemoRegions.start()) {
            assertThat(RateLimitsRuns.apply(regions).exitCode()).isZero();
            Result r = Cli.run("rollback", MIGRATION);
            assertThat(r.exitCode()).as(r.toString()).isZero();
            JsonNode export = json.readTree(Cli.run("export", MIGRATION).out());
            assertThat(export.get("generation").asInt()).isZero();
            assertThat(export.get("quotas")).isEmpty();
        }
    }

    private static List<Quota> quotas(JsonNode exported) {
        JsonCodec<Quota> codec = JsonCodec.of(Quota.class);
        List<Quota> quotas = new ArrayList<>();
        // through the framework's reading of a stored entity: the export may carry its id and members
        exported.forEach(q -> quotas.add(Entity.stored(codec, "exported", q).body()));
        return quotas;
    }
}
