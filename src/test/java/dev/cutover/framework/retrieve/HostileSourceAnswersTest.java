package dev.cutover.framework.retrieve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchStatus;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.cutover.framework.run.Sql;
import dev.cutover.framework.source.server.LegacySourceServer;
import dev.cutover.framework.source.server.SourceFaults;
import dev.cutover.support.Cli.Result;
import dev.cutover.support.Cli;
import dev.cutover.support.TestSources;
import dev.cutover.support.InjectsFaults;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Sources that misbehave on purpose: each answer ends in a retry that succeeds or a clear failure
 * naming the source, and never in a run that hangs holding its lease.
 */
@QuarkusTest
class HostileSourceAnswersTest {

    private static final String RULES = LegacySourceServer.RULES_PATH;
    private static final String MIGRATION = "notification-rules-v2";

    @Inject
    JobOperator jobOperator;

    @Inject
    DataSource dataSource;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    @InjectsFaults("a Retry-After beyond the page deadline")
    void aRetryAfterBeyondThePageDeadlineFailsThePageAtOnceNamingTheHeader() {
        try (TestSources sources = TestSources.start(1, 50, 100)) {
            sources.get(1).faults().on(RULES).throttleNext(1, "999999999999");
            Result r = Cli.run(sources.planArgs());
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
            assertThat(r.err()).contains("source s1, first page: HTTP 429 with Retry-After '999999999999' asks to wait")
                    .contains("page deadline of 60.0 s (cutover.source.page-deadline)");
            assertThat(sources.get(1).faults().requestCount(RULES)).isEqualTo(1);
            assertThat(leases()).as("the lease is released").isZero();
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    @InjectsFaults("a Retry-After of 400 digits")
    void aRetryAfterTooLargeForANumberFailsLikeAnyOtherBeyondTheDeadline() {
        try (TestSources sources = TestSources.start(1, 50, 100)) {
            sources.get(1).faults().on(RULES).throttleNext(1, "9".repeat(400));
            Result r = Cli.run(sources.planArgs());
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
            assertThat(r.err()).contains("asks to wait longer than any deadline").contains("(400 characters)");
        }
    }

    @Test
    @InjectsFaults("a body that is not UTF-8")
    void aBodyThatIsNotUtf8FailsThePageInsteadOfBeingRepairedSilently() {
        try (TestSources sources = TestSources.start(1, 50, 100)) {
            sources.get(1).faults().on(RULES).badBodyNext(1, SourceFaults.BadBody.INVALID_UTF8);
            Result r = Cli.run(sources.planArgs());
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
            assertThat(r.err()).contains("source s1, first page: the body is not valid UTF-8 (byte 0xFF at offset 11)");
            assertThat(sources.get(1).faults().requestCount(RULES)).as("not retried: it is not transient").isEqualTo(1);
        }
    }

    @Test
    void aConnectionClosedHalfwayThroughTheBodyIsRetriedAndNothingIsLost() {
        try (TestSources sources = TestSources.start(1, 300, 100)) {
            sources.get(1).faults().on(RULES).closeMidBodyNext(2);
            Result r = Cli.run(sources.planArgs());
            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(r.out()).contains("source s1           total 300, fetched 300");
            assertThat(sources.get(1).faults().requestCount(RULES)).isEqualTo(3 + 2);
        }
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void aStopWhileWaitingOutARetryAfterEndsStoppedAtOnceReleasesTheLeaseAndResumes() throws Exception {
        try (TestSources sources = TestSources.start(2, 250, 100)) {
            // s2's first page asks to come back in 50 s: the run waits inside the retry
            sources.get(2).faults().on(RULES).throttleNext(1, Duration.ofSeconds(50));
            CompletableFuture<Result> plan = CompletableFuture.supplyAsync(() -> Cli.run(sources.planArgs()));
            await().atMost(Duration.ofSeconds(30)).until(() -> sources.get(2).faults().requestCount(RULES) >= 1
                    && !jobOperator.getRunningExecutions(MIGRATION).isEmpty());
            long id = jobOperator.getRunningExecutions(MIGRATION).get(0);

            jobOperator.stop(id);
            // well before the 50 s the source asked for: the wait was given up, not slept out
            Result stopped = plan.get(20, TimeUnit.SECONDS);
            assertThat(stopped.exitCode()).as(stopped.toString()).isEqualTo(1);
            assertThat(stopped.err()).contains("execution " + id + " stopped at its last checkpoint");
            assertThat(jobOperator.getJobExecution(id).getBatchStatus()).isEqualTo(BatchStatus.STOPPED);
            // the stopped partition's reader ends its chunk with no page, and JBeret still hands the writer that
            // empty chunk: the step ends STOPPED, not FAILED by the writer
            assertThat(jobOperator.getStepExecutions(id)).singleElement().satisfies(step -> {
                assertThat(step.getStepName()).isEqualTo("retrieve");
                assertThat(step.getBatchStatus()).isEqualTo(BatchStatus.STOPPED);
            });
            assertThat(stopped.out() + stopped.err()).doesNotContain("retrieve  FAILED");
            assertThat(leases()).as("the lease is released").isZero();

            sources.get(2).faults().clear();
            Result resumed = Cli.run("restart", Long.toString(id));
            assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
            assertThat(resumed.out()).contains("records   500 fetched = 500 migrated");
        }
    }

    private long leases() {
        List<Long> rows = Sql.query(dataSource, "select count(*) from migration_lease where migration = ?",
                rs -> rs.getLong(1), MIGRATION);
        return rows.get(0);
    }
}
