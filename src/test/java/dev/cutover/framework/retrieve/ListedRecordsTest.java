package dev.cutover.framework.retrieve;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A listing source's records as its listed items tell: one per item, never beyond its total nor below 0. */
class ListedRecordsTest {

    @Test
    void eachListedItemIsAtMostOneRecordAndASourceHoldsNoMoreThanItsTotal() {
        assertThat(ListedRecords.of(0, 100)).isZero();
        assertThat(ListedRecords.of(40, 100)).isEqualTo(40);
        assertThat(ListedRecords.of(100, 100)).isEqualTo(100);
        assertThat(ListedRecords.of(101, 100)).as("copies of an id listed").isEqualTo(100);
        assertThat(ListedRecords.of(5, 0)).as("a source whose total is 0 until it is counted").isZero();
        assertThat(ListedRecords.of(5, -1)).as("a source that lies about its total").isZero();
    }
}
