package dev.cutover.framework.source;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads a {@code Retry-After} header (DESIGN.md §4: seconds, or an HTTP date). A source may send
 * anything there, so the reading never overflows: a number of seconds too large for a {@code long}
 * of milliseconds is {@link Long#MAX_VALUE} (it is beyond every page deadline, and the page fails at
 * once instead of sleeping for ever). Text that is neither form counts as absent.
 * <p>
 * An HTTP date is read in each of its three forms, as RFC 9110 §5.6.7 asks of a recipient:
 * {@code Sun, 06 Nov 1994 08:49:37 GMT} (also with a numeric zone), the obsolete
 * {@code Sunday, 06-Nov-94 08:49:37 GMT} (a two-digit year more than 50 years ahead is in the past)
 * and {@code Sun Nov  6 08:49:37 1994}. The day name repeats what the date says and is not checked:
 * a source that gets it wrong still gets the wait it asked for. A date that does not exist
 * ({@code 31 Nov}) is unreadable, not moved to another day.
 */
final class RetryAfter {

    /** More digits than this cannot be a number of seconds that fits in a long of milliseconds. */
    private static final int MAX_DIGITS = 15;

    private static final Pattern DAY_NAME = Pattern.compile("^[A-Za-z]+,?\\s+");
    private static final DateTimeFormatter IMF_FIXDATE = DateTimeFormatter.RFC_1123_DATE_TIME
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter ASCTIME = DateTimeFormatter.ofPattern("MMM d HH:mm:ss uuuu", Locale.US)
            .withZone(ZoneOffset.UTC).withResolverStyle(ResolverStyle.STRICT);

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
        Long wait = read(header, clock);
        return wait == null ? 0 : wait;
    }

    /** @return whether the header is absent or one of its forms: else it is ignored, and messages say so */
    static boolean understood(String header, Clock clock) {
        return header == null || header.isBlank() || read(header, clock) != null;
    }

    /** @return the wait in milliseconds (0 for a date past), or {@code null} when the text is neither form */
    private static Long read(String header, Clock clock) {
        String value = header.trim();
        if (value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            String digits = value.replaceFirst("^0+(?=.)", "");
            return digits.length() > MAX_DIGITS ? Long.MAX_VALUE : Long.parseLong(digits) * 1000;
        }
        // the day name is left out before parsing: it only repeats the date
        String date = DAY_NAME.matcher(value).replaceFirst("").replaceAll("\\s+", " ");
        for (DateTimeFormatter form : List.of(IMF_FIXDATE, rfc850(clock), ASCTIME)) {
            try {
                Instant at = form.parse(date, Instant::from);
                Duration wait = Duration.between(clock.instant(), at);
                if (wait.isNegative() || wait.isZero()) {
                    return 0L;
                }
                // rounded up: a date a fraction of a millisecond away is not 0 ms (asking again before it)
                return wait.toMillis() + (wait.getNano() % 1_000_000 == 0 ? 0 : 1);
            } catch (DateTimeException | ArithmeticException notThisForm) {
                // the next form, or unreadable
            }
        }
        return null;
    }

    /** {@code 06-Nov-94 08:49:37 GMT}: the two-digit year is the one within 50 years of now (RFC 9110 §5.6.7). */
    private static DateTimeFormatter rfc850(Clock clock) {
        int year = clock.instant().atZone(ZoneOffset.UTC).getYear();
        return new DateTimeFormatterBuilder().appendPattern("dd-MMM-")
                .appendValueReduced(ChronoField.YEAR, 2, 2, year - 49)
                .appendPattern(" HH:mm:ss 'GMT'")
                .toFormatter(Locale.US).withZone(ZoneOffset.UTC).withResolverStyle(ResolverStyle.STRICT);
    }

    /** @return the header as a message may quote it: a hostile source may send kilobytes */
    static String quoted(String header) {
        return Excerpt.of(header == null ? "" : header, 40);
    }
}
