package dev.cutover.framework.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.cutover.framework.migration.BehaviorCheck;
import dev.cutover.framework.plan.ApplyGate.Decision;
import dev.cutover.framework.plan.ApplyGate.Verdict;
import dev.cutover.framework.run.RefusalLog.Refusal;

/**
 * The apply gate on its own: an apply goes ahead only on the plan that was reviewed (when a digest was
 * given) with every anomaly code of it accepted, and has nothing to do when the executing generation came
 * from this very plan. Each refusal names what blocks and how to accept it.
 */
class ApplyGateTest {

    private static final String DIGEST = "sha256:" + "a".repeat(64);
    private static final String OTHER = "sha256:" + "b".repeat(64);

    /** A plan with this digest, these record anomalies (code to count) and these plan anomalies. */
    private static PlanReport plan(String digest, Map<String, Long> anomalies, PlanReport.PlanAnomaly... planAnomalies) {
        List<PlanReport.AnomalyRecord> records = new ArrayList<>();
        anomalies.forEach((code, count) -> {
            for (long i = 0; i < count; i++) {
                records.add(new PlanReport.AnomalyRecord("s1", code + "-" + i, null, code, "bad"));
            }
        });
        return new PlanReport(PlanReport.FORMAT, "m", 1, "apply", List.of(new PlanReport.Source("s1", 10, 10, 7)),
                new PlanReport.Counts(10, 10 - records.size(), 0, records.size(), "things", 3), Map.of(), anomalies, AnomalyRecords.listed(records),
                List.of(planAnomalies), new PlanReport.Groups(List.of()), new BehaviorCheck(168, 0, 0, true), digest, null, null);
    }

    private static PlanReport clean(String digest) {
        return plan(digest, Map.of());
    }

    @Test
    void aCleanPlanWithLegacyExecutingIsStaged() {
        assertThat(ApplyGate.decide(clean(DIGEST), Set.of(), null, null)).isEqualTo(new Verdict(Decision.STAGE, List.of()));
    }

    @Test
    void aPlanWhoseDigestIsExecutingAlreadyHasNothingToDo() {
        assertThat(ApplyGate.decide(clean(DIGEST), Set.of(), null, DIGEST).decision()).isEqualTo(Decision.UNCHANGED);
        assertThat(ApplyGate.decide(clean(DIGEST), Set.of(), DIGEST, DIGEST).decision()).isEqualTo(Decision.UNCHANGED);
        assertThat(ApplyGate.decide(clean(DIGEST), Set.of(), null, OTHER).decision()).as("another generation executes")
                .isEqualTo(Decision.STAGE);
    }

    @Test
    void theReviewedDigestLetsTheApplyGoAheadOnlyWhenItIsThePlanComputedNow() {
        assertThat(ApplyGate.decide(clean(DIGEST), Set.of(), DIGEST, null).decision()).isEqualTo(Decision.STAGE);

        Verdict stale = ApplyGate.decide(clean(DIGEST), Set.of(), OTHER, null);
        assertThat(stale.decision()).isEqualTo(Decision.REFUSED);
        assertThat(stale.refused()).isTrue();
        assertThat(stale.refusals()).containsExactly(new Refusal("DIGEST_MISMATCH",
                "the reviewed plan " + OTHER + " is stale: the plan computed now is " + DIGEST));
    }

    @Test
    void aStaleReviewedDigestRefusesEvenWhenThePlanComputedNowIsExecutingAlready() {
        // the operator reviewed something else than what executes: say so rather than report "unchanged"
        Verdict verdict = ApplyGate.decide(clean(DIGEST), Set.of(), OTHER, DIGEST);
        assertThat(verdict.decision()).isEqualTo(Decision.REFUSED);
        assertThat(verdict.refusals()).extracting(Refusal::code).containsExactly("DIGEST_MISMATCH");
    }

    @Test
    void noReviewedDigestMeansNoDigestGate() {
        assertThat(ApplyGate.decide(clean(DIGEST), Set.of(), "", null).decision()).isEqualTo(Decision.STAGE);
        assertThat(ApplyGate.decide(clean(DIGEST), Set.of(), null, null).decision()).isEqualTo(Decision.STAGE);
    }

    @Test
    void everyUnacceptedCodeIsOneRefusalInCodeOrderNamingItsRecordsAndHowToAcceptIt() {
        PlanReport report = plan(DIGEST, Map.of("UNKNOWN_CHANNEL", 1L, "INVALID_CRON", 2L, "DUPLICATE_ID", 3L),
                new PlanReport.PlanAnomaly("EMPTY_SOURCE", "s2: lists no record"));

        Verdict verdict = ApplyGate.decide(report, Set.of("INVALID_CRON"), null, null);

        assertThat(verdict.decision()).isEqualTo(Decision.REFUSED);
        assertThat(verdict.refusals()).containsExactly(
                new Refusal("DUPLICATE_ID", "3 record(s) with anomaly DUPLICATE_ID (accept with --accept DUPLICATE_ID)"),
                new Refusal("EMPTY_SOURCE", "s2: lists no record (accept with --accept EMPTY_SOURCE)"),
                new Refusal("UNKNOWN_CHANNEL", "1 record(s) with anomaly UNKNOWN_CHANNEL (accept with --accept UNKNOWN_CHANNEL)"));
    }

    @Test
    void aPlanAnomalyRaisedSeveralTimesIsOneRefusalWithEveryDetail() {
        PlanReport report = plan(DIGEST, Map.of(), new PlanReport.PlanAnomaly("SOURCE_INCOMPLETE", "s1: total 10, fetched 9"),
                new PlanReport.PlanAnomaly("SOURCE_INCOMPLETE", "s2: total 5, fetched 4"));

        assertThat(ApplyGate.decide(report, Set.of(), null, null).refusals()).containsExactly(new Refusal("SOURCE_INCOMPLETE",
                "s1: total 10, fetched 9; s2: total 5, fetched 4 (accept with --accept SOURCE_INCOMPLETE)"));
    }

    @Test
    void theDigestRefusalComesFirstThenTheCodes() {
        PlanReport report = plan(DIGEST, Map.of("INVALID_CRON", 1L));
        assertThat(ApplyGate.decide(report, Set.of(), OTHER, null).refusals()).extracting(Refusal::code)
                .containsExactly("DIGEST_MISMATCH", "INVALID_CRON");
    }

    @Test
    void everyCodeAcceptedGoesAheadAndCodesTheDataDoesNotRaiseChangeNothing() {
        PlanReport report = plan(DIGEST, Map.of("INVALID_CRON", 2L), new PlanReport.PlanAnomaly("MASS_REMOVAL", "all gone"));
        Set<String> accepted = Set.of("INVALID_CRON", "MASS_REMOVAL", "DUPLICATE_ID");

        assertThat(ApplyGate.decide(report, accepted, DIGEST, null)).isEqualTo(new Verdict(Decision.STAGE, List.of()));
        assertThat(ApplyGate.decide(report, accepted, DIGEST, DIGEST)).isEqualTo(new Verdict(Decision.UNCHANGED, List.of()));
        assertThat(ApplyGate.decide(report, Set.of("INVALID_CRON"), DIGEST, null).refusals()).extracting(Refusal::code)
                .as("accepting one code accepts only that one").containsExactly("MASS_REMOVAL");
    }

    @Test
    void aCodeIsAcceptedOnlyAsSpelled() {
        PlanReport report = plan(DIGEST, Map.of("INVALID_CRON", 1L));
        assertThat(ApplyGate.decide(report, Set.of("invalid_cron", "INVALID_CRON "), null, null).refusals())
                .extracting(Refusal::code).containsExactly("INVALID_CRON");
    }

    @Test
    void aDryRunsVerdictHasNoDigestGateAndOtherwiseDecidesAsTheApply() {
        PlanReport report = plan(DIGEST, Map.of("INVALID_CRON", 1L));
        assertThat(ApplyGate.planVerdict(report, Set.of(), null)).isEqualTo(ApplyGate.decide(report, Set.of(), null, null));
        assertThat(ApplyGate.planVerdict(report, Set.of("INVALID_CRON"), DIGEST).decision()).isEqualTo(Decision.UNCHANGED);
        assertThat(ApplyGate.planVerdict(report, Set.of("INVALID_CRON"), OTHER).decision()).isEqualTo(Decision.STAGE);
    }

    @Test
    void onlyARefusedVerdictIsRefusedAndItsRefusalsCannotBeChangedAfterwards() {
        assertThat(new Verdict(Decision.STAGE, null).refusals()).isEmpty();
        assertThat(new Verdict(Decision.STAGE, null).refused()).isFalse();
        assertThat(new Verdict(Decision.UNCHANGED, List.of()).refused()).isFalse();

        List<Refusal> refusals = new ArrayList<>(List.of(new Refusal("A", "a")));
        Verdict verdict = new Verdict(Decision.REFUSED, refusals);
        refusals.add(new Refusal("B", "b"));
        assertThat(verdict.refusals()).extracting(Refusal::code).containsExactly("A");
        assertThatThrownBy(() -> verdict.refusals().add(new Refusal("C", "c"))).isInstanceOf(UnsupportedOperationException.class);
    }
}
