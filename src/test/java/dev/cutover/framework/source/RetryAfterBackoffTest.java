package dev.cutover.framework.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import java.util.logging.Level;
import java.util.logging.Logger;

import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cutover.support.LogCapture;

/**
 * The wait before each retry of a page: exponential from the initial delay, capped by the max-backoff,
 * with "equal jitter" (half fixed, half random), never shorter than the source's {@code Retry-After}
 * even beyond the max-backoff (DESIGN.md §4: "waiting at least Retry-After"), and never past the page
 * deadline. The jitter is random, so its bounds are checked over many draws.
 */
class RetryAfterBackoffTest {

    private static final int DRAWS = 500;
    private static final TransientSourceError NO_RETRY_AFTER = new TransientSourceError("HTTP 503", 0, null);

    private final Logger log = org.jboss.logmanager.LogContext.getLogContext().getLogger(RetryAfterBackoff.class.getName());
    private Level level;

    /** Each wait logs a line: thousands of draws would fill the test's output. */
    @BeforeEach
    void quiet() {
        level = log.getLevel();
        log.setLevel(Level.WARNING);
    }

    @AfterEach
    void restore() {
        log.setLevel(level);
    }

    private static RetryAfterBackoff backoff(long initial, long max, Duration deadline) {
        RetryAfterBackoff backoff = new RetryAfterBackoff(max, PageDeadline.starting(deadline), "source s1, first page", 8);
        backoff.init(initial);
        return backoff;
    }

    /** The waits of {@code attempts} retries of one call, each after a failure without Retry-After. */
    private static List<Long> waits(long initial, long max, int attempts) {
        RetryAfterBackoff backoff = backoff(initial, max, Duration.ofHours(1));
        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < attempts; i++) {
            waits.add(backoff.nextDelayInMillis(NO_RETRY_AFTER));
        }
        return waits;
    }

    @Test
    void eachWaitIsBetweenHalfAndAllOfADelayThatDoublesUpToTheMaxBackoff() {
        long[] bases = {200, 400, 800, 1600, 3200, 5000, 5000, 5000};
        long[] least = new long[bases.length];
        long[] most = new long[bases.length];
        java.util.Arrays.fill(least, Long.MAX_VALUE);
        for (int draw = 0; draw < DRAWS; draw++) {
            List<Long> waits = waits(200, 5000, bases.length);
            for (int i = 0; i < bases.length; i++) {
                long wait = waits.get(i);
                assertThat(wait).as("retry %d, draw %d", i + 1, draw).isBetween(bases[i] / 2, bases[i]);
                least[i] = Math.min(least[i], wait);
                most[i] = Math.max(most[i], wait);
            }
        }
        // the jitter spreads the retries of concurrent partitions over the whole upper half
        for (int i = 0; i < bases.length; i++) {
            assertThat(least[i]).as("least wait of retry %d", i + 1).isLessThan(bases[i] / 2 + bases[i] / 10);
            assertThat(most[i]).as("longest wait of retry %d", i + 1).isGreaterThan(bases[i] - bases[i] / 10);
        }
    }

    @Test
    void anInitialDelayAboveTheMaxBackoffIsCappedToo() {
        for (int draw = 0; draw < DRAWS; draw++) {
            assertThat(waits(8000, 5000, 3)).allSatisfy(wait -> assertThat(wait).isBetween(2500L, 5000L));
        }
    }

    @Test
    void aRetryAfterLongerThanTheBackoffIsWaitedOutEvenBeyondTheMaxBackoff() {
        RetryAfterBackoff backoff = backoff(200, 5000, Duration.ofMinutes(1));
        assertThat(backoff.nextDelayInMillis(new TransientSourceError("HTTP 429", 3000, null))).isEqualTo(3000);
        assertThat(backoff.nextDelayInMillis(new TransientSourceError("HTTP 429", 20_000, null))).isEqualTo(20_000);
    }

    @Test
    void aRetryAfterShorterThanTheBackoffWaitsTheBackoff() {
        for (int draw = 0; draw < DRAWS; draw++) {
            RetryAfterBackoff backoff = backoff(1000, 5000, Duration.ofMinutes(1));
            assertThat(backoff.nextDelayInMillis(new TransientSourceError("HTTP 429", 1, null))).isBetween(500L, 1000L);
        }
    }

    @Test
    void noWaitGoesPastThePageDeadline() {
        RetryAfterBackoff shortPage = backoff(200, 5000, Duration.ofMillis(300));
        long wait = shortPage.nextDelayInMillis(new TransientSourceError("HTTP 429", Long.MAX_VALUE, null));
        assertThat(wait).isBetween(0L, 300L);

        RetryAfterBackoff spent = backoff(200, 5000, Duration.ZERO);
        assertThat(spent.nextDelayInMillis(NO_RETRY_AFTER)).isZero();
        assertThat(spent.nextDelayInMillis(new TransientSourceError("HTTP 429", 60_000, null))).isZero();
    }

    @Test
    void aFailureWithoutAnAnswerWaitsTheBackoffOnly() {
        for (int draw = 0; draw < DRAWS; draw++) {
            RetryAfterBackoff backoff = backoff(1000, 5000, Duration.ofMinutes(1));
            assertThat(backoff.nextDelayInMillis(new TimeoutException("no answer"))).isBetween(500L, 1000L);
        }
    }

    @Test
    void aZeroInitialDelayStillGrows() {
        List<Long> waits = waits(0, 5000, 4);
        assertThat(waits.get(0)).isBetween(0L, 1L);
        assertThat(waits.get(3)).isBetween(4L, 8L);
    }

    @Test
    void manyAttemptsUnderAHugeMaxBackoffNeverOverflow() {
        // cutover.source.max-attempts and max-backoff are configuration: doubling must not wrap around
        RetryAfterBackoff backoff = backoff(200, Long.MAX_VALUE, Duration.ofDays(365_000));
        long previous = 0;
        for (int attempt = 1; attempt <= 80; attempt++) {
            long wait = backoff.nextDelayInMillis(NO_RETRY_AFTER);
            assertThat(wait).as("retry %d", attempt).isNotNegative().isLessThanOrEqualTo(Duration.ofDays(365_000).toMillis());
            previous = wait;
        }
        assertThat(previous).as("the last wait is the deadline's").isGreaterThan(Duration.ofDays(364_000).toMillis());
    }

    @Test
    void eachWaitSaysWhatFailedWhichAttemptComesAndHowLongItWaits() {
        log.setLevel(Level.INFO);
        try (LogCapture lines = LogCapture.of(RetryAfterBackoff.class)) {
            RetryAfterBackoff backoff = backoff(200, 5000, Duration.ofMinutes(1));
            backoff.nextDelayInMillis(new TransientSourceError("HTTP 429", 3000, null));
            backoff.nextDelayInMillis(new TimeoutException("late"));
            assertThat(lines.lines()).hasSize(2);
            assertThat(lines.lines().get(0)).isEqualTo("source s1, first page: HTTP 429; attempt 2 of 8 in 3.0 s (Retry-After)");
            assertThat(lines.lines().get(1)).matches("source s1, first page: no answer in time; attempt 3 of 8 in 0\\.[2-4] s");
        }
    }
}
