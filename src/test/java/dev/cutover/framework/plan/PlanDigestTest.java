package dev.cutover.framework.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.cutover.support.Cli.Result;
import dev.cutover.support.Cli;
import dev.cutover.support.TestSources;
import io.quarkus.test.junit.QuarkusTest;

/** The digest describes the data only (DESIGN.md §6): nothing of how or when it was read enters it. */
@QuarkusTest
class PlanDigestTest {

    @Test
    void sameDataAtAnotherWatermarkPageSizeAndConcurrencyHasTheSameDigest() {
        try (TestSources early = TestSources.start(2, 240, 50, 1);
                TestSources late = TestSources.start(2, 240, 70, 90_000)) {
            Result first = Cli.run(early.planArgs("--concurrency", "1"));
            Result second = Cli.run(late.planArgs("--concurrency", "4"));
            assertThat(first.exitCode()).as(first.toString()).isZero();
            assertThat(second.exitCode()).as(second.toString()).isZero();
            // the runs really differ in what the report shows of them
            assertThat(first.out()).contains("total 240, fetched 240, watermark 1\n");
            assertThat(second.out()).contains("total 240, fetched 240, watermark 90000\n");

            assertThat(second.digest()).isEqualTo(first.digest());
        }
    }
}
