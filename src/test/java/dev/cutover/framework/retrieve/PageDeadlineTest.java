package dev.cutover.framework.retrieve;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.cutover.framework.source.server.LegacySourceServer;
import dev.cutover.support.Cli.Result;
import dev.cutover.support.Cli;
import dev.cutover.support.TestSources;
import dev.cutover.support.InjectsFaults;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The page's bounds, time and size: the deadline bounds every wait and every failure says why (run with a
 * short deadline, short request timeouts and two attempts, so that giving up takes seconds), and a body
 * beyond the size limit (100 KB here) fails at once.
 */
@QuarkusTest
@TestProfile(PageDeadlineTest.ShortDeadline.class)
class PageDeadlineTest {

    private static final String RULES = LegacySourceServer.RULES_PATH;

    public static class ShortDeadline implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // 1 s, not less: the first request of a fresh application on a loaded machine can take a few
            // hundred milliseconds, and a client timeout there would eat the fault a test armed
            return Map.of("cutover.source.page-deadline", "8s", "cutover.source.request-timeout", "1s",
                    "cutover.source.max-attempts", "2", "cutover.source.max-body-size", "100K");
        }
    }

    @Test
    @InjectsFaults("a source that never answers")
    void aSourceThatNeverAnswersFailsNamingTheAttemptsAndWhyEachFailed() {
        try (TestSources sources = TestSources.start(1, 50, 100)) {
            sources.get(1).faults().on(RULES).delayNext(2, Duration.ofSeconds(10));
            Result r = Cli.run(sources.planArgs());
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
            assertThat(r.err()).containsPattern(
                    "source s1, first page: gave up after 2 attempt\\(s\\) in [0-9.]+ s \\(at most 2 attempts within 8\\.0 s\\): \\S");
            assertThat(r.err()).doesNotContain("gave up after 0 attempt");
        }
    }

    @Test
    @InjectsFaults("a source that trickles its answer")
    void aSourceThatTricklesItsAnswerForeverFailsNamingTheTimeoutOfEachAttempt() {
        try (TestSources sources = TestSources.start(1, 50, 100)) {
            // never idle, so the HTTP client's read timeout never fires: only the request deadline ends it
            sources.get(1).faults().on(RULES).trickleNext(2, Duration.ofMillis(100));
            Result r = Cli.run(sources.planArgs());
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
            assertThat(r.err()).contains("source s1, first page: gave up after 2 attempt(s)")
                    .contains("no answer within 2.0 s (x2)");
        }
    }

    @Test
    @InjectsFaults("a Retry-After longer than the page deadline")
    void aRetryAfterLongerThanWhatIsLeftOfTheDeadlineFailsAtOnce() {
        try (TestSources sources = TestSources.start(1, 50, 100)) {
            sources.get(1).faults().on(RULES).throttleNext(1, Duration.ofSeconds(30));
            Result r = Cli.run(sources.planArgs());
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
            assertThat(r.err()).contains("source s1, first page: HTTP 429 with Retry-After '30' asks to wait 30.0 s")
                    .contains("page deadline of 8.0 s");
            assertThat(sources.get(1).faults().requestCount(RULES)).isEqualTo(1);
        }
    }

    @Test
    void aRetryAfterWithinTheDeadlineIsWaitedOut() {
        try (TestSources sources = TestSources.start(1, 50, 100)) {
            sources.get(1).faults().on(RULES).throttleNext(1, Duration.ofSeconds(1));
            Result r = Cli.run(sources.planArgs());
            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(sources.get(1).faults().requestCount(RULES)).isEqualTo(2);
            assertThat(sources.get(1).faults().early()).as("requests before the Retry-After's deadline").isEmpty();
        }
    }

    @Test
    @InjectsFaults("a page beyond the body size limit")
    void aPageBeyondTheBodySizeLimitFailsAtOnceNamingTheSetting() {
        // 1,000 rules of about 200 bytes each on one page: some 200 KB, beyond the 100 KB limit
        try (TestSources sources = TestSources.start(1, 1000, 1000)) {
            Result r = Cli.run(sources.planArgs());
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
            assertThat(r.err()).containsPattern("source s1, first page: the body is [0-9]+ bytes \\(Content-Length\\), beyond "
                    + "cutover.source.max-body-size \\(102400 bytes\\): ask for smaller pages \\(cutover.source.page-size\\)");
            assertThat(sources.get(1).faults().requestCount(RULES)).as("not retried").isEqualTo(1);
        }
    }
}
