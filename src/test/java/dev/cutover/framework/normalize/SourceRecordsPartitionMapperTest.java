package dev.cutover.framework.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The normalize step's threads: one per processor unless the system property gives a positive number; anything else is refused by name. */
class SourceRecordsPartitionMapperTest {

    @Test
    void withoutTheSettingTheStepRunsOneThreadPerProcessor() {
        assertThat(SourceRecordsPartitionMapper.threads(null, 2)).isEqualTo(2);
        assertThat(SourceRecordsPartitionMapper.threads("", 6)).isEqualTo(6);
    }

    @Test
    void aPositiveSettingIsTheThreadCount() {
        assertThat(SourceRecordsPartitionMapper.threads(" 4 ", 2)).isEqualTo(4);
        assertThat(SourceRecordsPartitionMapper.threads("1", 2)).isEqualTo(1);
    }

    @Test
    void aSettingThatIsNotAPositiveNumberIsRefusedByName() {
        for (String bad : new String[] {"0", "-1", "two", "1.5"}) {
            assertThatThrownBy(() -> SourceRecordsPartitionMapper.threads(bad, 2))
                    .hasMessageContaining("cutover.normalize.threads").hasMessageContaining("'" + bad + "'");
        }
    }
}
