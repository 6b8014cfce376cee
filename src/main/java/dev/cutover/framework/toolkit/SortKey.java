package dev.cutover.framework.toolkit;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * An order as text: a tuple of strings, integers and exact fractions encoded so that comparing two
 * keys as text in code-point order (PostgreSQL's {@code "C"} collation, {@link CodePoints#ORDER})
 * compares the tuples field by field, each field by its value. The plan step sorts a model of any
 * size in the database by this text instead of in memory by a comparator.
 * <p>
 * The encoding is lower-case hex of an order-preserving byte string: strings as UTF-8 (code-point
 * order, a prefix before its extensions) with a terminator, integers sign-flipped big-endian,
 * fractions by their continued fraction. Fields of different types at one position compare by an
 * arbitrary but fixed rule, so build every key of one order with the same fields. Not thread-safe.
 */
public final class SortKey implements Comparable<SortKey> {

    private static final HexFormat HEX = HexFormat.of();

    // a growing array rather than a ByteArrayOutputStream, whose synchronized write per byte was 6% of the
    // normalize step's samples (JFR, 1M notification rules, C1): every migrated leaf is keyed
    private byte[] bytes = new byte[64];
    private int length;

    private SortKey() {
    }

    /** @return an empty key (every key extends it) */
    public static SortKey of() {
        return new SortKey();
    }

    /** Appends a string, ordered by code points; a string sorts before the strings it is a prefix of. */
    public SortKey text(String value) {
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            write(b);
            if (b == 0) {
                // an escaped NUL (00 FF) sorts after the terminator (00 01): "a" < "a\0" < "a\0b"
                write(0xFF);
            }
        }
        write(0);
        write(1);
        return this;
    }

    /** Appends an integer, ordered by value. */
    public SortKey number(long value) {
        long flipped = value ^ Long.MIN_VALUE;
        for (int shift = 56; shift >= 0; shift -= 8) {
            write((int) (flipped >>> shift) & 0xFF);
        }
        return this;
    }

    /**
     * Appends the fraction {@code numerator / denominator}, ordered by its exact value (so {@code 5/3}
     * sorts between {@code 1} and {@code 2}, and {@code 2/4} equals {@code 1/2}).
     *
     * @throws IllegalArgumentException when the fraction is negative or its denominator is not positive
     */
    public SortKey fraction(BigInteger numerator, BigInteger denominator) {
        if (denominator.signum() <= 0 || numerator.signum() < 0) {
            throw new IllegalArgumentException("a sort key orders fractions of at least 0 with a positive "
                    + "denominator, not " + numerator + "/" + denominator);
        }
        // the continued fraction [a0; a1, a2, ...] of Euclid's algorithm (canonical: it never ends in 1
        // after the first term): two of them compare at their first different term, by value at even
        // positions and reversed at odd ones, a missing term counting as infinity
        BigInteger p = numerator;
        BigInteger q = denominator;
        int position = 0;
        while (q.signum() != 0) {
            BigInteger[] qr = p.divideAndRemainder(q);
            term(qr[0], position % 2 == 1);
            p = q;
            q = qr[1];
            position++;
        }
        // the end of the expansion is the term "infinity": above every term at an even position,
        // below every (reversed) term at an odd one
        write(position % 2 == 0 ? 0x02 : 0x00);
        return this;
    }

    private void term(BigInteger value, boolean reversed) {
        byte[] magnitude = value.signum() == 0 ? new byte[0] : unsigned(value);
        if (magnitude.length > 0xFF) {
            throw new IllegalArgumentException("a sort key term of more than 255 bytes: " + value);
        }
        // marker, then the length (a longer number is a larger one), then the digits: prefix-free
        write(0x01, reversed);
        write(magnitude.length, reversed);
        for (byte b : magnitude) {
            write(b & 0xFF, reversed);
        }
    }

    private void write(int b, boolean reversed) {
        write(reversed ? 0xFF - b : b);
    }

    private void write(int b) {
        if (length == bytes.length) {
            bytes = Arrays.copyOf(bytes, length * 2);
        }
        bytes[length++] = (byte) b;
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] signed = value.toByteArray();
        return signed[0] == 0 ? Arrays.copyOfRange(signed, 1, signed.length) : signed;
    }

    /** @return the key as lower-case hex: compare keys as text in code-point (or "C") order */
    @Override
    public String toString() {
        return HEX.formatHex(bytes, 0, length);
    }

    @Override
    public int compareTo(SortKey other) {
        return Arrays.compareUnsigned(bytes, 0, length, other.bytes, 0, other.length);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SortKey key && Arrays.equals(bytes, 0, length, key.bytes, 0, key.length);
    }

    @Override
    public int hashCode() {
        int hash = 1;
        for (int i = 0; i < length; i++) {
            hash = 31 * hash + bytes[i];
        }
        return hash;
    }
}
