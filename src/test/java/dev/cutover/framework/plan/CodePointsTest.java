package dev.cutover.framework.plan;

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
}
