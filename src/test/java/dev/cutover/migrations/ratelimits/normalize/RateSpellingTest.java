package dev.cutover.migrations.ratelimits.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    @Test
    void onlyTheSpellingsToStringWritesParseBack() {
        assertThat(Rate.parse("-3").signum()).isNegative();
        assertThat(Rate.parse("9".repeat(400))).hasToString("9".repeat(400));
        assertThat(Rate.parse("1/" + "9".repeat(400))).hasToString("1/" + "9".repeat(400));
        for (String text : new String[] { "", "1.5", "1/", "/2", "+1", "1/-2", " 1", "1e3", "9".repeat(401), "1/" + "7".repeat(401) }) {
            assertThatThrownBy(() -> Rate.parse(text)).as(text).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("is not a rate per second");
        }
    }
}
