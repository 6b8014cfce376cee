package dev.cutover.migrations.ratelimits.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * What the key layout decides beyond what a region can list: the layout, folders, tiers and their
 * details are the cases {@code keys-of-the-layout}, {@code keys-outside-the-layout},
 * {@code unknown-tier} and {@code folder-entries-skipped} of {@code scenarios/rate-limits-v2/}.
 */
class KvKeyTest {

    /** A listed key with a lone surrogate is refused before its layout is read (lone-surrogates-in-keys); the parser refuses it too. */
    @Test
    void aLoneSurrogateInARouteIsMalformed() {
        assertThat(KvKey.parse("ratelimits/orders/routes/a\uD800b").problem().code()).isEqualTo(RateAnomaly.MALFORMED_KEY);
    }
}
