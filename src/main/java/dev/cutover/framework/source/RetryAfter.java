package dev.cutover.framework.source;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Reads a {@code Retry-After} header (DESIGN.md §4: seconds, or an HTTP date). A source may send
 * anything there, so the reading never overflows: a number of seconds too large for a {@code long}
 * of milliseconds is {@link Long#MAX_VALUE} (it is beyond every page deadline, and the page fails at
 * once instead of sleeping for ever). Text that is neither form counts as absent.
 */
final class RetryAfter {

    /** More digits than this cannot be a number of seconds that fits in a long of milliseconds. */
    private static final int MAX_DIGITS = 15;

    private RetryAfter() {
    }

    /**
     * @return the wait asked for, in milliseconds, rounded up (a date a fraction of a millisecond away is
     *         1 ms: rounding down would ask again just before it); 0 when absent, unreadable or in the past
     */
    static long millis(String header, Clock clock) {
        if (header == null || header.isBlank()) {
            return 0;
        }
        String value = header.trim();
        if (value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            String digits = value.replaceFirst("^0+(?=.)", "");
            return digits.length() > MAX_DIGITS ? Long.MAX_VALUE : Long.parseLong(digits) * 1000;
        }
        try {
            ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration wait = Duration.between(clock.instant(), at.toInstant());
            if (wait.isNegative() || wait.isZero()) {
                return 0;
            }
            return wait.toMillis() + (wait.getNano() % 1_000_000 == 0 ? 0 : 1);
        } catch (DateTimeParseException | ArithmeticException notADate) {
            return 0;
        }
    }

    /** @return the header as a message may quote it: a hostile source may send kilobytes */
    static String quoted(String header) {
        return Excerpt.of(header == null ? "" : header, 40);
    }
}
