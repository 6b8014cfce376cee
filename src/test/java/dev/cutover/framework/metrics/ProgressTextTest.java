package dev.cutover.framework.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The progress line names its units and never shows more than 100% of a total. */
class ProgressTextTest {

    @Test
    void retrieveCountsDistinctIdsPerSourceAndNamesAFewSourcesStillListing() {
        PhaseProgress phase = PhaseProgress.detached("retrieve");
        for (int s = 1; s <= 6; s++) {
            phase.source("s" + s, 100, 400, false, 0);
        }
        phase.source("s7", 400, 400, true, 0);
        String line = ProgressText.line(phase.snapshot());
        assertThat(line).startsWith("retrieve  1,000 of 2,800 records (35%)")
                .endsWith("; s1 100/400, s2 100/400, s3 100/400, s4 100/400, 2 more; 1 of 7 sources done");
    }

    @Test
    void moreRecordsThanTheTotalStayBelow100PercentUntilTheListingEnds() {
        PhaseProgress phase = PhaseProgress.detached("retrieve");
        phase.source("eu-1", 1_330, 1_328, false, 0);
        assertThat(phase.snapshot().percent()).isEqualTo(99.9);
        phase.source("eu-1", 1_330, 1_328, true, 0);
        assertThat(phase.snapshot().percent()).isEqualTo(100.0);
    }

    @Test
    void aCountedPhaseShowsDoneOfTotalInItsUnitAndAnEndLine() {
        PhaseProgress phase = PhaseProgress.detached("normalize");
        phase.counting(null, "records", 4_000, 0);
        phase.add(1_000);
        assertThat(ProgressText.line(phase.snapshot())).startsWith("normalize 1,000 of 4,000 records (25%)");
        phase.add(3_000);
        phase.end("COMPLETED");
        assertThat(ProgressText.line(phase.snapshot())).startsWith("normalize done: 4,000 records in ");
    }

    @Test
    void aPhaseDoingSomethingUncountedSaysWhatAndAFailedOneSaysSo() {
        PhaseProgress phase = PhaseProgress.detached("activate");
        phase.activity("drift check");
        assertThat(ProgressText.line(phase.snapshot())).isEqualTo("activate  drift check");
        phase.end("FAILED");
        assertThat(ProgressText.line(phase.snapshot())).startsWith("activate  FAILED in ");
    }

    @Test
    void anEarlierExecutionsWorkDoesNotCountTowardsTheRate() {
        PhaseProgress phase = PhaseProgress.detached("stage");
        phase.counting(null, "policies", 10_000, 9_000);
        assertThat(phase.snapshot().ratePerSecond()).isZero();
        assertThat(phase.snapshot().percent()).isEqualTo(90.0);
    }
}
