package dev.cutover.migrations.ratelimits;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.cutover.migrations.ratelimits.demo.DemoRegions;
import dev.cutover.migrations.ratelimits.demo.KvFaults.Fault;
import dev.cutover.support.Cli.Result;
import dev.cutover.support.Cli;
import dev.cutover.support.InjectsFaults;
import io.quarkus.test.junit.QuarkusTest;

/** The KV protocol inside the framework's retrieval: faults, retries, determinism and refusals. */
@QuarkusTest
class RateLimitsRetrievalTest {

    @Test
    void pagesThatCloseMidBodyOrAnswer503AreRetriedAndThePlanDigestDoesNotChange() {
        try (DemoRegions regions = DemoRegions.start()) {
            Result clean = Cli.run(RateLimitsRuns.args("plan", regions, "--accept", RateLimitsRuns.ACCEPT_DEMO, "--concurrency", "1"));
            assertThat(clean.exitCode()).as(clean.toString()).isZero();
            regions.server("eu").faults().arm(Fault.CLOSE_MID_BODY, 2);
            regions.server("us").faults().arm(Fault.UNAVAILABLE, 3);
            Result faulty = Cli.run(RateLimitsRuns.args("plan", regions, "--accept", RateLimitsRuns.ACCEPT_DEMO, "--concurrency", "8"));
            assertThat(faulty.exitCode()).as(faulty.toString()).isZero();
            assertThat(faulty.digest()).isEqualTo(clean.digest());
            assertThat(regions.server("eu").faults().listingRequests()).isGreaterThan(regions.server("eu").faults().pagesServed());
        }
    }

    @Test
    @InjectsFaults("a page without its X-Kv-Index header")
    void aPageWithoutItsIndexHeaderFailsTheExecutionNamingRegionAndCursor() {
        try (DemoRegions regions = DemoRegions.start()) {
            regions.server("ap").faults().arm(Fault.NO_INDEX_HEADER, 1);
            Result r = Cli.run(RateLimitsRuns.args("plan", regions, "--accept", RateLimitsRuns.ACCEPT_DEMO));
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
            assertThat(r.toString()).contains("source ap, first page: the answer has no X-Kv-Index header");
            assertThat(r.failedExecutionId()).isNotBlank();
        }
    }
}
