package dev.cutover.framework.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Record keys stay short enough for a btree index row, whatever the length of an id. */
class RecordKeyTest {

    @Test
    void shortIdsAreKeyedByThemselves() {
        assertThat(RecordKey.of("r-7", null)).isEqualTo("i:r-7");
        assertThat(RecordKey.of("x".repeat(RecordKey.LONGEST_SPELLED_ID), null))
                .isEqualTo("i:" + "x".repeat(RecordKey.LONGEST_SPELLED_ID));
    }

    @Test
    void itemsWithoutAUsableIdAreKeyedByTheirZeroPaddedIndex() {
        assertThat(RecordKey.of(null, 42)).isEqualTo("x:0000000042");
    }

    @Test
    void longIdsAreKeyedByTheSha256OfTheirUtf8() {
        String id = "r".repeat(3000);
        String key = RecordKey.of(id, null);
        assertThat(key).matches("d:[0-9a-f]{64}").isEqualTo(RecordKey.of(id, null));
        // as `printf 'x%.0s' $(seq 1 201) | sha256sum` gives it
        assertThat(RecordKey.of("x".repeat(201), null))
                .isEqualTo("d:84a0678c90937f5dcf9994d5866668da6b995109c8ad845410559b48a4ecafed");
        assertThat(RecordKey.of(id + "s", null)).isNotEqualTo(key);
    }

    @Test
    void lengthIsCountedInCodePointsSoEveryKeyStaysSmallInBytes() {
        String emoji = "\uD83D\uDE00".repeat(RecordKey.LONGEST_SPELLED_ID);
        assertThat(RecordKey.of(emoji, null)).startsWith("i:");
        assertThat(RecordKey.of(emoji + "!", null)).startsWith("d:");
        assertThat(RecordKey.of(emoji, null).getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThan(1000);
    }
}
