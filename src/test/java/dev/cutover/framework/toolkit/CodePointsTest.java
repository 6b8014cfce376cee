package dev.cutover.framework.toolkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CodePointsTest {

    @Test
    void ordersByCodePointNotByUtf16Unit() {
        // U+FF21 (fullwidth A) is below U+1D538 (double-struck A), but its UTF-16 unit is above the surrogate
        assertThat("Ａ".compareTo("𝔸")).isPositive();
        assertThat(CodePoints.compare("Ａ", "𝔸")).isNegative();
    }

    @Test
    void ordersUpperBeforeLowerBeforeAccentedAndPrefixFirst() {
        assertThat(CodePoints.compare("Z", "a")).isNegative();
        assertThat(CodePoints.compare("a", "é")).isNegative();
        assertThat(CodePoints.compare("ab", "abc")).isNegative();
        assertThat(CodePoints.compare("𝔸x", "𝔸x")).isZero();
        assertThat(CodePoints.compare("\uD835", "𝔸")).isNotZero();
    }

    @Test
    void agreesWithComparingDecodedCodePointsEvenForLoneSurrogates() {
        char[] alphabet = { 'a', 'z', '\u00e9', '\uD7FF', '\uD835', '\uDD38', '\uDBFF', '\uDC00', '\uE000', '\uFF21',
                '\uFFFF' };
        java.util.Random random = new java.util.Random(7);
        for (int n = 0; n < 20_000; n++) {
            String a = randomString(random, alphabet);
            String b = random.nextInt(4) == 0 ? a + randomString(random, alphabet) : randomString(random, alphabet);
            int expected = Integer.signum(java.util.Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray()));
            assertThat(Integer.signum(CodePoints.compare(a, b))).as(a + " vs " + b).isEqualTo(expected);
        }
    }

    private static String randomString(java.util.Random random, char[] alphabet) {
        StringBuilder s = new StringBuilder();
        for (int i = random.nextInt(5); i > 0; i--) {
            s.append(alphabet[random.nextInt(alphabet.length)]);
        }
        return s.toString();
    }

    @Test
    void orderSortsAroundSurrogatesUnlikeStringCompareTo() {
        java.util.List<String> values = new java.util.ArrayList<>(java.util.List.of("\uD83D\uDE00", "\uFF21", "ab", "a", ""));
        values.sort(CodePoints.ORDER);
        assertThat(values).containsExactly("", "a", "ab", "\uFF21", "\uD83D\uDE00");
        assertThat("\uD83D\uDE00".compareTo("\uFF21")).as("String.compareTo is UTF-16 order").isNegative();
    }
}
