package dev.cutover.framework.source.server;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A test source server's record of whether its client honoured the {@code Retry-After} it was sent: the
 * deadline of the last one {@linkplain #announced announced}, and every request that
 * {@linkplain #observe arrived} before it, counted {@linkplain #earlyRequests() early} with by how much.
 * A test proves that a client waited out a throttle by this ledger of the server's, not by timing the
 * whole run.
 *
 * <p>The deadline is what the header says when it is sent: the send time plus its seconds, or its date in
 * the form these servers write ({@code Sun, 06 Nov 1994 08:49:37 GMT}), which has a resolution of one second
 * (a date computed as "now + 1 s" is truncated, so it may be less than a second away). Any other header
 * leaves the deadline as it was: a malformed date or one that does not exist ({@code 31 Nov}), a negative
 * number, the two obsolete HTTP-date forms (which only a test's own text can make these servers send); a
 * number of seconds beyond {@link #LONGEST} counts as {@link #LONGEST}. The ledger reads the header on its
 * own, not with the client's reader, which is what it checks. A request that arrives early is counted whether or not the client was right to come early
 * (a wait it capped): the tests decide what to assert.
 *
 * <p>Thread-safe.
 */
final class RetryAfterLedger {

    /** The longest wait a header in seconds is read as: far beyond any run, without overflowing an instant. */
    static final Duration LONGEST = Duration.ofDays(365);

    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter
            .ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter READ_DATE = DateTimeFormatter.RFC_1123_DATE_TIME
            .withResolverStyle(ResolverStyle.STRICT);
    private static final int EARLY_SHOWN = 10;

    private final Clock clock;
    private final List<String> early = new ArrayList<>();
    private int earlyCount;
    private Instant retryNotBefore = Instant.MIN;

    RetryAfterLedger(Clock clock) {
        this.clock = clock;
    }

    /** @return {@code at} as a {@code Retry-After} HTTP date (whole seconds, GMT) */
    static String httpDate(Instant at) {
        return HTTP_DATE.format(at);
    }

    /**
     * Records the deadline of a {@code Retry-After} sent now.
     *
     * @param retryAfter the header's value
     */
    synchronized void announced(String retryAfter) {
        Instant now = clock.instant();
        String value = retryAfter.strip();
        if (!value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            Duration wait = value.length() > 12 ? LONGEST : Duration.ofSeconds(Long.parseLong(value));
            retryNotBefore = now.plus(wait.compareTo(LONGEST) > 0 ? LONGEST : wait);
            return;
        }
        try {
            retryNotBefore = ZonedDateTime.parse(value, READ_DATE).toInstant();
        } catch (DateTimeParseException notADate) {
            // a header the client must not trust: no deadline to hold it to
        }
    }

    /**
     * Counts a request that just arrived: early when before the last announced deadline.
     *
     * @param what the request, as the early list names it (its path and query)
     */
    synchronized void observe(String what) {
        Instant now = clock.instant();
        if (now.isBefore(retryNotBefore)) {
            earlyCount++;
            if (early.size() < EARLY_SHOWN) {
                early.add(String.format(Locale.ROOT, "%s arrived %.3f ms before the Retry-After deadline %s", what,
                        Duration.between(now, retryNotBefore).toNanos() / 1e6, retryNotBefore));
            }
        }
    }

    /** @return the requests that arrived before the {@code Retry-After} deadline last announced */
    synchronized int earlyRequests() {
        return earlyCount;
    }

    /** @return the first early requests (at most ten), each with by how much it was early */
    synchronized List<String> early() {
        return List.copyOf(early);
    }
}
