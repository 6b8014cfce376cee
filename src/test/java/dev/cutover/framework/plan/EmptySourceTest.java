package dev.cutover.framework.plan;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cutover.framework.activate.GenerationSwitch;
import dev.cutover.framework.model.ExecutingModel;
import dev.cutover.support.Apply;
import dev.cutover.support.Cli.Result;
import dev.cutover.support.Cli;
import dev.cutover.support.TestSources;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A source that answers 200 with no record at all (an outage behind a catch-all, a wrong URL) must not
 * plan an empty model that apply would activate: {@code EMPTY_SOURCE} blocks until accepted.
 */
@QuarkusTest
class EmptySourceTest {

    @Inject
    GenerationSwitch generations;

    @BeforeEach
    void startFromLegacy() {
        Apply.startFromLegacy(generations);
    }

    @Test
    void sourceListingNoRecordIsAPlanAnomalyNamingItThatBlocksUntilAccepted() {
        try (TestSources sources = TestSources.sized(100, 120, 0)) {
            Result plan = Cli.run(sources.planArgs());
            assertThat(plan.exitCode()).as(plan.toString()).isEqualTo(3);
            assertThat(plan.out()).contains("source s2           total 0, fetched 0")
                    .contains("plan anomaly EMPTY_SOURCE: s2: lists no record\n")
                    .contains("apply would be refused: unaccepted anomalies EMPTY_SOURCE ")
                    .doesNotContain("s1: lists no record");

            Result accepted = Cli.run(sources.planArgs("--accept", "EMPTY_SOURCE"));
            assertThat(accepted.exitCode()).as(accepted.toString()).isZero();
            assertThat(accepted.out()).contains("apply would go ahead");
        }
    }

    @Test
    void applyOverAnEmptySourceIsRefusedAndActivatesNothing() {
        try (TestSources sources = TestSources.sized(100, 0)) {
            ExecutingModel before = generations.current("notification-rules-v2");
            Result apply = Cli.run(sources.args("apply"));
            assertThat(apply.exitCode()).as(apply.toString()).isEqualTo(3);
            assertThat(apply.out()).contains("apply refused, nothing activated:").contains("EMPTY_SOURCE: s1: lists no record");
            assertThat(generations.current("notification-rules-v2")).isEqualTo(before);
        }
    }
}
