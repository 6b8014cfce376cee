package dev.cutover.framework.toolkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * A sort key's text, compared in code-point order (what PostgreSQL's "C" collation does), orders the
 * tuples it encodes field by field and each field by value: checked against the comparators it
 * replaces on random tuples, hostile strings included.
 */
class SortKeyTest {

    private static final String[] PIECES = { "", "a", "A", "ab", "b", "\u0000", "\u0001", "\t", "\\", "é", "e\u0301",
            "\uFFFF", "\uE000", "\uD83D\uDE00", "\uD800\uDC00", "zz", "a\u0000b" };

    record Tuple(String text, long number, BigInteger numerator, BigInteger denominator) {
    }

    private static final Comparator<Tuple> BY_VALUE = Comparator.comparing(Tuple::text, CodePoints.ORDER)
            .thenComparingLong(Tuple::number)
            .thenComparing((a, b) -> a.numerator().multiply(b.denominator()).compareTo(b.numerator().multiply(a.denominator())));

    private static String key(Tuple t) {
        return SortKey.of().text(t.text()).number(t.number()).fraction(t.numerator(), t.denominator()).toString();
    }

    @Test
    void theKeysTextInCodePointOrderIsTheTuplesOrderFieldByField() {
        Random random = new Random(20_261_130L);
        List<Tuple> tuples = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            StringBuilder text = new StringBuilder();
            for (int p = random.nextInt(3); p > 0; p--) {
                text.append(PIECES[random.nextInt(PIECES.length)]);
            }
            long number = switch (random.nextInt(4)) {
                case 0 -> Long.MIN_VALUE + random.nextInt(3);
                case 1 -> Long.MAX_VALUE - random.nextInt(3);
                default -> random.nextInt(7) - 3;
            };
            BigInteger denominator = BigInteger.valueOf(1 + random.nextInt(12));
            BigInteger numerator = random.nextInt(10) == 0 ? BigInteger.TEN.pow(60).add(BigInteger.valueOf(random.nextInt(3)))
                    : BigInteger.valueOf(random.nextInt(30));
            tuples.add(new Tuple(text.toString(), number, numerator, denominator));
        }
        for (int i = 0; i < 20_000; i++) {
            Tuple a = tuples.get(random.nextInt(tuples.size()));
            Tuple b = tuples.get(random.nextInt(tuples.size()));
            assertThat(Integer.signum(CodePoints.ORDER.compare(key(a), key(b))))
                    .as("%s vs %s", a, b).isEqualTo(Integer.signum(BY_VALUE.compare(a, b)));
        }
    }

    @Test
    void fractionsAreOrderedByTheirExactValue() {
        List<String> ordered = List.of(fraction(0, 1), fraction(333_333_333_333L, 1_000_000_000_000L), fraction(1, 3),
                fraction(1, 2), fraction(2, 3), fraction(1, 1), fraction(5, 3), fraction(2, 1), fraction(100, 1));
        List<String> sorted = new ArrayList<>(ordered);
        sorted.sort(CodePoints.ORDER);
        assertThat(sorted).containsExactlyElementsOf(ordered);
        assertThat(fraction(2, 4)).isEqualTo(fraction(1, 2));
        assertThat(fraction(6000, 60)).isEqualTo(fraction(100, 1));
    }

    @Test
    void aNegativeFractionOrAZeroDenominatorIsRefusedNamingIt() {
        assertThatThrownBy(() -> SortKey.of().fraction(BigInteger.valueOf(-1), BigInteger.ONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1/1");
        assertThatThrownBy(() -> SortKey.of().fraction(BigInteger.ONE, BigInteger.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1/0");
    }

    @Test
    void theKeyIsLowerCaseHexWithNothingAPostgresTextCannotHold() {
        String key = SortKey.of().text("a\u0000\t\n\\").number(-1).toString();
        assertThat(key).matches("[0-9a-f]+");
    }

    @Test
    void keysLongerThanTheirFirstBufferCompareEqualAndHashAsTheirText() {
        String longText = "tenant-".repeat(40) + "\u00e9\uD83D\uDE00";
        SortKey one = SortKey.of().text(longText).number(7).text("x");
        SortKey same = SortKey.of().text(longText).number(7).text("x");
        SortKey after = SortKey.of().text(longText).number(8).text("x");
        assertThat(one.toString()).hasSize(2 * (longText.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + 2 + 8 + 1 + 2));
        assertThat(one).isEqualTo(same).hasSameHashCodeAs(same).isNotEqualTo(after);
        assertThat(one.compareTo(same)).isZero();
        assertThat(Integer.signum(one.compareTo(after))).isEqualTo(Integer.signum(one.toString().compareTo(after.toString())))
                .isEqualTo(-1);
        assertThat(after.compareTo(one)).isPositive();
    }

    private static String fraction(long numerator, long denominator) {
        return SortKey.of().fraction(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator)).toString();
    }
}
