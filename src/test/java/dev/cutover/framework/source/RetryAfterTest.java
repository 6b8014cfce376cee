package dev.cutover.framework.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
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
    void anHttpDateInEitherObsoleteFormIsReadToo() {
        // RFC 9110 §5.6.7: a recipient of an HTTP-date must accept all three forms
        assertThat(RetryAfter.millis("Monday, 30-Nov-26 12:00:05 GMT", NOW)).as("RFC 850").isEqualTo(5000);
        assertThat(RetryAfter.millis("Mon Nov 30 12:00:05 2026", NOW)).as("asctime").isEqualTo(5000);
        assertThat(RetryAfter.millis("Tue Dec  1 12:00:00 2026", NOW)).as("asctime, a one-digit day").isEqualTo(86_400_000);
    }

    @Test
    void aTwoDigitYearMoreThanFiftyYearsAheadIsInThePast() {
        long toNov2075 = Duration.between(NOW.instant(), Instant.parse("2075-11-30T12:00:00Z")).toMillis();
        assertThat(RetryAfter.millis("Saturday, 30-Nov-75 12:00:00 GMT", NOW)).isEqualTo(toNov2075);
        assertThat(RetryAfter.millis("Monday, 30-Nov-26 11:00:00 GMT", NOW)).as("an hour ago").isZero();
        assertThat(RetryAfter.millis("Wednesday, 30-Nov-77 12:00:00 GMT", NOW)).as("1977").isZero();
    }

    @Test
    void aWrongOrMissingDayNameDoesNotHideTheDate() {
        assertThat(RetryAfter.millis("Tue, 30 Nov 2026 12:00:05 GMT", NOW)).isEqualTo(5000);
        assertThat(RetryAfter.millis("30 Nov 2026 12:00:05 GMT", NOW)).isEqualTo(5000);
        assertThat(RetryAfter.millis("Friday, 30-Nov-26 12:00:05 GMT", NOW)).isEqualTo(5000);
    }

    @Test
    void textThatIsNeitherCountsAsAbsent() {
        assertThat(RetryAfter.millis(null, NOW)).isZero();
        assertThat(RetryAfter.millis("", NOW)).isZero();
        assertThat(RetryAfter.millis("-5", NOW)).isZero();
        assertThat(RetryAfter.millis("soon", NOW)).isZero();
        assertThat(RetryAfter.millis("1.5", NOW)).isZero();
        assertThat(RetryAfter.millis("+5", NOW)).isZero();
        assertThat(RetryAfter.millis("\uff15", NOW)).as("a full-width digit").isZero();
        assertThat(RetryAfter.millis("Mon, 30 Nov 2026 25:00:00 GMT", NOW)).as("no such hour").isZero();
        assertThat(RetryAfter.millis("Mon, 31 Nov 2026 13:00:00 GMT", NOW)).as("no such day, not the 30th").isZero();
        assertThat(RetryAfter.millis("Monday", NOW)).isZero();
        assertThat(RetryAfter.millis("Mon, ", NOW)).isZero();
    }

    @Test
    void aQuotedHeaderIsShort() {
        assertThat(RetryAfter.quoted("9".repeat(5000))).hasSizeLessThan(80).contains("(5000 characters)");
    }

    @Test
    void whetherTheHeaderIsUnderstoodIsToldApartFromAWaitOfZero() {
        // both were 0: a failure then said "HTTP 429" without naming the header it ignored
        for (String ignored : new String[] { "-5", "1.5", "abc", "Mon, 31 Nov 2026 12:00:05 GMT" }) {
            assertThat(RetryAfter.millis(ignored, NOW)).as(ignored).isZero();
            assertThat(RetryAfter.understood(ignored, NOW)).as(ignored).isFalse();
        }
        for (String understood : new String[] { "0", "3", "Mon, 30 Nov 2026 11:00:00 GMT", "", " " }) {
            assertThat(RetryAfter.understood(understood, NOW)).as(understood).isTrue();
        }
        assertThat(RetryAfter.understood(null, NOW)).isTrue();
    }
}
