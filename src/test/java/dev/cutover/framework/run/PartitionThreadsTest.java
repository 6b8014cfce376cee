package dev.cutover.framework.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A partitioned step's threads: one per processor unless the system property gives a positive number; anything else is refused by name. */
class PartitionThreadsTest {

    @Test
    void withoutTheSettingTheStepRunsOneThreadPerProcessor() {
        assertThat(PartitionThreads.of(null, 2, "cutover.normalize.threads")).isEqualTo(2);
        assertThat(PartitionThreads.of("", 6, "cutover.normalize.threads")).isEqualTo(6);
    }

    @Test
    void aPositiveSettingIsTheThreadCount() {
        assertThat(PartitionThreads.of(" 4 ", 2, "cutover.normalize.threads")).isEqualTo(4);
        assertThat(PartitionThreads.of("1", 2, "cutover.normalize.threads")).isEqualTo(1);
    }

    @Test
    void aSettingThatIsNotAPositiveNumberIsRefusedByName() {
        for (String bad : new String[] {"0", "-1", "two", "1.5"}) {
            assertThatThrownBy(() -> PartitionThreads.of(bad, 2, "cutover.stage.threads"))
                    .hasMessageContaining("cutover.stage.threads").hasMessageContaining("'" + bad + "'");
        }
    }
}
