package dev.cutover.framework.stage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/** The stage step's ranges cover the planned model's ordinals once, in order, one per thread, none empty. */
class PlannedRangePartitionMapperTest {

    @Test
    void rangesCoverEveryOrdinalOnceInOrder() {
        for (int count : new int[] { 0, 1, 2, 3, 4999, 5000, 5001, 10_001, 222_350, 1_000_003 }) {
            for (int threads : new int[] { 1, 2, 3, 8 }) {
                List<int[]> ranges = ranges(count, threads);
                assertThat(ranges.get(0)[0]).isZero();
                assertThat(ranges.get(ranges.size() - 1)[1]).isEqualTo(count);
                for (int i = 1; i < ranges.size(); i++) {
                    assertThat(ranges.get(i)[0]).as("%d entities, %d threads", count, threads).isEqualTo(ranges.get(i - 1)[1]);
                }
                ranges.forEach(r -> assertThat(r[1] - r[0]).isBetween(count / ranges.size(), count / ranges.size() + 1));
            }
        }
    }

    @Test
    void aRangePerThreadButNoneEmpty() {
        assertThat(ranges(1_000_000, 2)).hasSize(2);
        assertThat(ranges(1_000_000, 8)).hasSize(8);
        assertThat(ranges(3, 8)).hasSize(3).allMatch(r -> r[1] - r[0] == 1);
        assertThat(ranges(1, 2)).hasSize(1);
        assertThat(ranges(0, 2)).hasSize(1).allMatch(r -> r[0] == 0 && r[1] == 0);
    }

    private static List<int[]> ranges(int count, int threads) {
        Properties[] ranges = PlannedRangePartitionMapper.ranges(count, threads);
        return Arrays.stream(ranges)
                .map(p -> new int[] { Integer.parseInt(p.getProperty("from")), Integer.parseInt(p.getProperty("to")) })
                .toList();
    }
}
