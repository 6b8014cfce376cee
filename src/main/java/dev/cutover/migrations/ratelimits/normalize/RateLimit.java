package dev.cutover.migrations.ratelimits.normalize;

import java.util.Comparator;

/**
 * One rate limit as the gateway enforces it: a positive rate per second and a positive burst (the
 * bucket size). Ordered strictest first (lower rate, then lower burst), which is the order an
 * ambiguous setting is resolved in by the admission checker.
 */
public record RateLimit(Rate ratePerSecond, long burst) implements Comparable<RateLimit> {

    private static final Comparator<RateLimit> STRICTEST_FIRST = Comparator.comparing(RateLimit::ratePerSecond)
            .thenComparingLong(RateLimit::burst);

    @Override
    public int compareTo(RateLimit other) {
        return STRICTEST_FIRST.compare(this, other);
    }

    /** @return e.g. {@code 5/3 per second, burst 2} */
    @Override
    public String toString() {
        return ratePerSecond + " per second, burst " + burst;
    }
}
