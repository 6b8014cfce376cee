package dev.cutover.framework.source.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.cutover.support.HandClock;

/** The deadlines a source's Retry-After ledger reads from the headers it sends, and what it counts early. */
class RetryAfterLedgerTest {

    private final HandClock clock = new HandClock(Instant.parse("2026-01-05T10:00:00Z"));
    private final RetryAfterLedger ledger = new RetryAfterLedger(clock);

    @Test
    void secondsCountFromWhenTheHeaderIsSent() {
        clock.set(Instant.parse("2026-01-05T10:00:00.500Z"));
        ledger.announced(" 2 ");
        arriveAt("2026-01-05T10:00:02.499Z", "early");
        arriveAt("2026-01-05T10:00:02.500Z", "on time");
        assertThat(ledger.earlyRequests()).isEqualTo(1);
        assertThat(ledger.early()).singleElement().asString().startsWith("early arrived 1.000 ms before");
    }

    @Test
    void aDateIsItsOwnDeadline() {
        ledger.announced(RetryAfterLedger.httpDate(Instant.parse("2026-01-05T10:00:05Z")));
        arriveAt("2026-01-05T10:00:04.999Z", "early");
        arriveAt("2026-01-05T10:00:05Z", "on time");
        assertThat(ledger.early()).singleElement().asString().startsWith("early ");
    }

    @Test
    void aHeaderThatIsNeitherLeavesTheDeadlineAsItWas() {
        ledger.announced("1");
        for (String malformed : new String[] { "soon", "-5", "", "Mon, 35 Jan 2026 10:00:00 GMT", "Mon, 31 Nov 2026 10:00:00 GMT",
                "Monday, 05-Jan-26 10:00:30 GMT", "Mon Jan  5 10:00:30 2026", "1.5" }) {
            ledger.announced(malformed);
        }
        arriveAt("2026-01-05T10:00:00.999Z", "before the 1 s");
        arriveAt("2026-01-05T10:00:01Z", "after the 1 s");
        assertThat(ledger.early()).singleElement().asString().startsWith("before the 1 s ");
    }

    @Test
    void aHugeNumberOfSecondsIsReadAsTheLongestWaitWithoutOverflow() {
        ledger.announced("99999999999999999999999");
        arriveAt("2026-12-31T00:00:00Z", "within a year");
        arriveAt("2027-01-05T10:00:00Z", "a year on");
        assertThat(ledger.early()).singleElement().asString().startsWith("within a year ");
    }

    @Test
    void nothingIsEarlyBeforeAnyRetryAfterAndOnlyTheFirstTenAreListed() {
        arriveAt("2026-01-05T10:00:00Z", "unthrottled");
        assertThat(ledger.earlyRequests()).isZero();
        ledger.announced("60");
        for (int i = 0; i < 12; i++) {
            arriveAt("2026-01-05T10:00:01Z", "retry " + i);
        }
        assertThat(ledger.earlyRequests()).isEqualTo(12);
        assertThat(ledger.early()).hasSize(10);
    }

    private void arriveAt(String instant, String what) {
        clock.set(Instant.parse(instant));
        ledger.observe(what);
    }
}
