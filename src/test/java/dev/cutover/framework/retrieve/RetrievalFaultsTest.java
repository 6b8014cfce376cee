package dev.cutover.framework.retrieve;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.cutover.framework.metrics.RunProgress;
import dev.cutover.framework.source.ConcurrencyGates;

import dev.cutover.framework.source.server.LegacySourceServer;
import dev.cutover.framework.source.server.SourceFaults;
import dev.cutover.support.Cli.Result;
import dev.cutover.support.Cli;
import dev.cutover.support.LogCapture;
import dev.cutover.support.TestSources;
import dev.cutover.support.InjectsFaults;
import io.quarkus.test.junit.QuarkusTest;

/** Transient faults are retried until nothing is lost; fatal ones fail a restartable execution. */
@QuarkusTest
class RetrievalFaultsTest {

    @Inject
    ConcurrencyGates gates;

    @Inject
    RunProgress progress;

    private static final String RULES = LegacySourceServer.RULES_PATH;

    @Test
    void throttlingWithRetryAfterIsWaitedOutAndNothingIsLost() {
        try (TestSources sources = TestSources.start(1, 300, 100)) {
            sources.get(1).faults().on(RULES).throttleNext(2, Duration.ofSeconds(1));
            Result r = Cli.run(sources.planArgs());
            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(r.out()).contains("source s1           total 300, fetched 300");
            // the source's own ledger: no request came before the deadline of a Retry-After it had sent
            assertThat(sources.get(1).faults().early()).as("requests before a Retry-After's deadline").isEmpty();
            assertThat(sources.get(1).faults().requestCount(RULES)).isEqualTo(3 + 2);
        }
    }

    @Test
    void burstsOf503AreRetriedAndEveryRecordArrives() {
        try (TestSources sources = TestSources.start(2, 250, 100)) {
            sources.get(1).faults().on(RULES).failNext(4, 503);
            sources.get(2).faults().on(RULES).failNext(2, 502).failNext(1, 500).failNext(1, 504);
            Result r = Cli.run(sources.planArgs());
            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(r.out()).contains("total 250, fetched 250").contains("records   500 fetched = 500 migrated");
            assertThat(sources.get(1).faults().requestCount(RULES)).isEqualTo(3 + 4);
        }
    }

    @Test
    void requestsThatTimeOutAreRetried() {
        try (TestSources sources = TestSources.start(1, 150, 100)) {
            // the test profile's request timeout is 2 s
            sources.get(1).faults().on(RULES).delayNext(2, Duration.ofSeconds(4));
            Result r = Cli.run(sources.planArgs());
            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(r.out()).contains("total 150, fetched 150");
        }
    }

    @Test
    @InjectsFaults("source s2 going down for good after 2 pages")
    void sourceThatStaysDownFailsRestartablyAndRestartFetchesOnlyWhatIsMissing() throws Exception {
        String uninterrupted;
        try (TestSources sources = TestSources.start(2, 500, 100)) {
            uninterrupted = Cli.run(sources.planArgs()).digest();
        }
        try (TestSources sources = TestSources.start(2, 500, 100)) {
            SourceFaults faults = sources.get(2).faults();
            faults.downAfterPages(2);
            Path report = Files.createTempDirectory("restart").resolve("plan.json");
            Result failed = Cli.run(sources.planArgs("--out", report.toString()));
            assertThat(report).doesNotExist();
            assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
            String id = failed.failedExecutionId();
            assertThat(failed.err()).contains("source s2, cursor '").contains("gave up after 8 attempt(s)")
                    .contains("cutover restart " + id);

            faults.recover();
            int before = faults.requestCount(RULES);
            Result restarted = Cli.run("restart", id);
            assertThat(restarted.exitCode()).as(restarted.toString()).isZero();
            assertThat(restarted.digest()).isEqualTo(uninterrupted);
            // the restart keeps the original parameters, so its report goes to the original --out
            assertThat(Files.readString(report)).contains(uninterrupted);
            // 5 pages in all, 2 stored before the failure: only the 3 missing ones are fetched again
            assertThat(faults.requestCount(RULES) - before).isEqualTo(3);
            assertThat(sources.get(1).faults().requestCount(RULES)).isEqualTo(5);
        }
    }

    @Test
    void requestsInFlightNeverExceedTheConcurrencyBound() {
        try (TestSources sources = TestSources.start(6, 200, 50)) {
            for (int s = 1; s <= 6; s++) {
                sources.get(s).faults().on(RULES).delayNext(100, Duration.ofMillis(60));
            }
            Result r = Cli.run(sources.planArgs("--concurrency", "2"));
            assertThat(r.exitCode()).as(r.toString()).isZero();
            System.out.printf("max requests in flight with --concurrency 2 over 6 sources: %d%n", sources.gauge().max());
            assertThat(sources.gauge().max()).isBetween(1, 2);
            assertThat(gates.holds(Long.parseLong(r.executionId()))).as("gate released when the execution ended").isFalse();

            sources.gauge().reset();
            for (int s = 1; s <= 6; s++) {
                sources.get(s).faults().on(RULES).delayNext(100, Duration.ofMillis(60));
            }
            Result wider = Cli.run(sources.planArgs("--concurrency", "5"));
            assertThat(wider.exitCode()).as(wider.toString()).isZero();
            System.out.printf("max requests in flight with --concurrency 5 over 6 sources: %d%n", sources.gauge().max());
            assertThat(sources.gauge().max()).isBetween(3, 5);
        }
    }

    @Test
    void progressPerSourceIsLoggedAsRecordsAndPercentOfTotal() {
        // a line per report instead of one per 10 s: the run is shorter than that
        Duration every = progress.logEvery();
        progress.logEvery(Duration.ZERO);
        List<String> lines;
        try (LogCapture log = LogCapture.of(RunProgress.class); TestSources sources = TestSources.start(1, 300, 100)) {
            Result r = Cli.run(sources.planArgs());
            assertThat(r.exitCode()).as(r.toString()).isZero();
            lines = log.lines();
        } finally {
            progress.logEvery(every);
        }
        assertThat(lines).contains("retrieve  started");
        assertThat(lines).anyMatch(l -> l.startsWith("retrieve  100 of 300 records (33%)") && l.endsWith("; s1 100/300"));
        assertThat(lines).anyMatch(l -> l.startsWith("retrieve  done: 300 records from 1 source in "));
    }

    @Test
    @InjectsFaults("a next_cursor that source s1 already gave")
    void repeatedCursorFailsAtOnceNamingIt() {
        try (TestSources sources = TestSources.start(1, 300, 100)) {
            sources.get(1).faults().on(RULES).repeatCursorNext(1);
            Result r = Cli.run(sources.planArgs());
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
            assertThat(r.err()).contains("source s1").contains("was already requested");
        }
    }

    @Test
    @InjectsFaults("a body that is not the contract JSON from source s1")
    void bodyThatIsNotTheContractJsonFailsWithoutRetrying() {
        try (TestSources sources = TestSources.start(1, 50, 100)) {
            sources.get(1).faults().on(RULES).badBodyNext(1, SourceFaults.BadBody.values()[0]);
            Result r = Cli.run(sources.planArgs());
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
            assertThat(r.err()).contains("source s1, first page");
            assertThat(sources.get(1).faults().requestCount(RULES)).isEqualTo(1);
        }
    }

    @Test
    @InjectsFaults("HTTP 404 from source s1")
    void clientErrorFailsWithoutRetrying() {
        try (TestSources sources = TestSources.start(1, 50, 100)) {
            sources.get(1).faults().on(RULES).failNext(1, 404);
            Result r = Cli.run(sources.planArgs());
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
            assertThat(r.err()).contains("source s1, first page: HTTP 404");
            assertThat(sources.get(1).faults().requestCount(RULES)).isEqualTo(1);
        }
    }

    @Test
    @InjectsFaults("a source nothing listens to")
    void unreachableSourceFailsAfterRetriesNamingSourceAndFirstPage() {
        Result r = Cli.run("plan", "notification-rules-v2", "--source", "gone=http://127.0.0.1:9");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.err()).contains("source gone, first page: gave up after");
    }
}
