package dev.cutover.framework.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/** {@code Retry-After} as seconds or an HTTP date; hostile values never overflow or stall a run. */
class RetryAfterTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-30T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void secondsAreMilliseconds() {
        assertThat(RetryAfter.millis("3", NOW)).isEqualTo(3000);
        assertThat(RetryAfter.millis(" 007 ", NOW)).isEqualTo(7000);
        assertThat(RetryAfter.millis("0", NOW)).isZero();
    }

    @Test
    void aNumberTooLargeForMillisecondsIsLongerThanAnyDeadlineInsteadOfOverflowing() {
        assertThat(RetryAfter.millis("999999999999", NOW)).isEqualTo(999_999_999_999_000L);
        assertThat(RetryAfter.millis("9999999999999999", NOW)).isEqualTo(Long.MAX_VALUE);
        assertThat(RetryAfter.millis("99999999999999999999999999999999", NOW)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void anHttpDateIsTheTimeUntilThen() {
        assertThat(RetryAfter.millis("Mon, 30 Nov 2026 12:00:05 GMT", NOW)).isEqualTo(5000);
        assertThat(RetryAfter.millis("Mon, 30 Nov 2026 11:00:00 GMT", NOW)).as("in the past").isZero();
    }

    @Test
    void anHttpDateIsWaitedForToTheMillisecondRoundedUpNeverBeforeIt() {
        // half a millisecond before the date: waiting 0 ms would ask again before the source said
        Clock justBefore = Clock.fixed(Instant.parse("2026-11-30T12:00:04.9995Z"), ZoneOffset.UTC);
        assertThat(RetryAfter.millis("Mon, 30 Nov 2026 12:00:05 GMT", justBefore)).isEqualTo(1);
        Clock fractionAfterASecond = Clock.fixed(Instant.parse("2026-11-30T12:00:03.999001Z"), ZoneOffset.UTC);
        assertThat(RetryAfter.millis("Mon, 30 Nov 2026 12:00:05 GMT", fractionAfterASecond)).isEqualTo(1001);
    }

    @Test
    void textThatIsNeitherCountsAsAbsent() {
        assertThat(RetryAfter.millis(null, NOW)).isZero();
        assertThat(RetryAfter.millis("", NOW)).isZero();
        assertThat(RetryAfter.millis("-5", NOW)).isZero();
        assertThat(RetryAfter.millis("soon", NOW)).isZero();
        assertThat(RetryAfter.millis("1.5", NOW)).isZero();
    }

    @Test
    void aQuotedHeaderIsShort() {
        assertThat(RetryAfter.quoted("9".repeat(5000))).hasSizeLessThan(80).contains("(5000 characters)");
    }
}
