package dev.cutover.framework.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;

import jakarta.batch.api.partition.PartitionPlan;

import org.junit.jupiter.api.Test;

/** Every partitioned step's plan: all its partitions on every restart, on 1 to as many threads as partitions. */
class RerunPartitionsTest {

    @Test
    void thePlanOverridesJberetsRecordOfThePartitionsSoEveryOneRunsOnRestart() {
        Properties[] partitions = partitions(3);
        PartitionPlan plan = RerunPartitions.of(partitions, 2);
        assertThat(plan.getPartitionsOverride()).isTrue();
        assertThat(plan.getPartitions()).isEqualTo(3);
        assertThat(plan.getPartitionProperties()).containsExactly(partitions);
        assertThat(plan.getThreads()).isEqualTo(2);
    }

    @Test
    void threadsAreNeverMoreThanThePartitionsNorFewerThanOne() {
        assertThat(RerunPartitions.of(partitions(3), 8).getThreads()).isEqualTo(3);
        assertThat(RerunPartitions.of(partitions(3), 0).getThreads()).isEqualTo(1);
        assertThat(RerunPartitions.of(partitions(0), 4).getThreads()).isEqualTo(1);
    }

    private static Properties[] partitions(int n) {
        Properties[] partitions = new Properties[n];
        for (int i = 0; i < n; i++) {
            partitions[i] = new Properties();
            partitions[i].setProperty("source", "s" + i);
        }
        return partitions;
    }
}
