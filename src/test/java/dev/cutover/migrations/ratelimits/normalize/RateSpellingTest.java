package dev.cutover.migrations.ratelimits.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;

import org.junit.jupiter.api.Test;

/**
 * The exact arithmetic of {@link Rate}. What each spelling reads as, and the code and detail of each
 * hostile one, are the cases {@code equivalent-spellings-read-as-one-limit},
 * {@code bursts-and-fractional-rates}, {@code invalid-rates}, {@code non-positive-rates},
 * {@code invalid-bursts}, {@code missing-rate-or-period}, {@code numbers-as-strings},
 * {@code strings-as-numbers}, {@code rate-beyond-any-number} and {@code very-large-value} of
 * {@code scenarios/rate-limits-v2/}.
 */
class RateSpellingTest {

    @Test
    void ratesCompareByValueAndSpellReduced() {
        assertThat(Rate.parse("10/6")).isEqualTo(Rate.parse("5/3"));
        assertThat(Rate.parse("10/6").toString()).isEqualTo("5/3");
        assertThat(Rate.parse("5/3").compareTo(Rate.parse("2"))).isNegative();
        assertThat(Rate.parse("4/2").ceiling()).isEqualTo(BigInteger.TWO);
    }
}
