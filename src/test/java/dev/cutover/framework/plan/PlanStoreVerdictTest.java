package dev.cutover.framework.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.cutover.framework.migration.BehaviorCheck;
import dev.cutover.framework.run.RefusalLog.Refusal;
import io.quarkus.test.junit.QuarkusTest;

/** The verdict and apply command are read back from any stored report, whatever legacy text it quotes. */
@QuarkusTest
class PlanStoreVerdictTest {

    @Inject
    PlanStore plans;

    private static PlanReport report(String detail) {
        return new PlanReport(PlanReport.FORMAT, "m", 1, "dry-run", List.of(new PlanReport.Source("s1", 1, 1, 7)),
                new PlanReport.Counts(1, 0, 0, 1, "things", 0), Map.of(), Map.of("INVALID_CRON", 1L),
                AnomalyRecords.listed(List.of(new PlanReport.AnomalyRecord("s1", "r-1", null, "INVALID_CRON", "plain"))),
                List.of(new PlanReport.PlanAnomaly("BEHAVIOR_CHANGE", detail)),
                new PlanReport.Groups(List.of()), new BehaviorCheck(0, 0, 0, true), "sha256:" + "1".repeat(64), null, null);
    }

    @Test
    void verdictIsReadFromAReportQuotingANulCharacter() {
        long run = ThreadLocalRandom.current().nextLong(1_000_000_000L, 2_000_000_000L);
        ApplyGate.Verdict refused = new ApplyGate.Verdict(ApplyGate.Decision.REFUSED,
                List.of(new Refusal("INVALID_CRON", "1 record(s) with anomaly INVALID_CRON")));
        plans.save(run, report("schedule \"0\u0000 * * * *\"").withVerdict(refused, "cutover apply m --plan-digest x"), "things");

        assertThat(plans.verdict(run)).contains(new PlanStore.VerdictAndCommand(refused, "cutover apply m --plan-digest x"));
    }

    @Test
    void reportWithoutAVerdictHasNone() {
        long run = ThreadLocalRandom.current().nextLong(2_000_000_000L, 3_000_000_000L);
        plans.save(run, report("plain"), "things");
        assertThat(plans.verdict(run)).isEmpty();
        assertThat(plans.verdict(run + 1)).isEmpty();
    }
}
