package dev.cutover.migrations.notifications.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** Each reading is the caller's own, and invalid spellings stay invalid. */
class CronExpressionReaderTest {

    @Test
    void aReadingIsTheCallersOwnThatNoOtherCallerSees() {
        long[] first = CronExpressionReader.read("0 9 * * MON-FRI").orElseThrow();
        long[] expected = first.clone();
        Arrays.fill(first, 0L);
        assertThat(CronExpressionReader.read("0 9 * * MON-FRI").orElseThrow()).containsExactly(expected);
    }

    @Test
    void anInvalidSpellingIsInvalidEveryTimeItIsRead() {
        assertThat(CronExpressionReader.read("0 9 * * SAT-SUN")).isEmpty();
        assertThat(CronExpressionReader.read("0 9 * * SAT-SUN")).isEmpty();
        assertThat(CronExpressionReader.read(null)).isEmpty();
    }
}
