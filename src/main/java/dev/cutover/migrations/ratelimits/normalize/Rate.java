package dev.cutover.migrations.ratelimits.normalize;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * A rate in requests per second as an exact, reduced, positive-denominator fraction: no floating
 * point, so {@code 6000/min} and {@code 100/s} are the same rate and {@code 100/min} stays
 * {@code 5/3}. Spelled {@code 100} or {@code 5/3} ({@link #toString()}, read back by {@link #parse}).
 * Ordered by value. Immutable.
 */
public record Rate(BigInteger numerator, BigInteger denominator) implements Comparable<Rate> {

    /**
     * What {@link #parse} reads, compiled once: every leaf of a run is keyed and checked by its rate, and
     * {@code String.matches} compiles its pattern on each call (about 2 microseconds under C1, a tenth of
     * that with the pattern compiled).
     */
    private static final Pattern SPELLED = Pattern.compile("-?[0-9]{1,400}(/[0-9]{1,400})?");

    public Rate {
        if (denominator.signum() == 0) {
            throw new IllegalArgumentException("a rate over a zero period");
        }
        if (denominator.signum() < 0) {
            numerator = numerator.negate();
            denominator = denominator.negate();
        }
        BigInteger gcd = numerator.gcd(denominator);
        if (gcd.signum() != 0 && !gcd.equals(BigInteger.ONE)) {
            numerator = numerator.divide(gcd);
            denominator = denominator.divide(gcd);
        }
        if (numerator.signum() == 0) {
            denominator = BigInteger.ONE;
        }
    }

    /** @return {@code amount} per {@code seconds} seconds, exactly */
    public static Rate of(BigDecimal amount, BigInteger seconds) {
        BigInteger unscaled = amount.unscaledValue();
        int scale = amount.scale();
        BigInteger numerator = scale <= 0 ? unscaled.multiply(BigInteger.TEN.pow(-scale)) : unscaled;
        BigInteger denominator = scale <= 0 ? seconds : seconds.multiply(BigInteger.TEN.pow(scale));
        return new Rate(numerator, denominator);
    }

    /**
     * @param text {@code N} or {@code N/D}, as {@link #toString()} writes it
     * @throws IllegalArgumentException when it is not
     */
    public static Rate parse(String text) {
        if (!SPELLED.matcher(text).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a rate per second (N or N/D)");
        }
        int slash = text.indexOf('/');
        if (slash < 0) {
            return new Rate(new BigInteger(text), BigInteger.ONE);
        }
        return new Rate(new BigInteger(text.substring(0, slash)), new BigInteger(text.substring(slash + 1)));
    }

    public int signum() {
        return numerator.signum();
    }

    /** @return the smallest integer at least this rate */
    public BigInteger ceiling() {
        BigInteger[] qr = numerator.divideAndRemainder(denominator);
        return qr[1].signum() > 0 ? qr[0].add(BigInteger.ONE) : qr[0];
    }

    @Override
    public int compareTo(Rate other) {
        return numerator.multiply(other.denominator).compareTo(other.numerator.multiply(denominator));
    }

    @Override
    public String toString() {
        return denominator.equals(BigInteger.ONE) ? numerator.toString() : numerator + "/" + denominator;
    }
}
