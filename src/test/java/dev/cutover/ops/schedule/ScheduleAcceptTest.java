package dev.cutover.ops.schedule;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import dev.cutover.ops.run.ScheduleConfig;

/** A schedule's accepted codes are checked against the migration's, as {@code --accept} is, before serve schedules it. */
class ScheduleAcceptTest {

    private static final SortedSet<String> KNOWN = new TreeSet<>(List.of("DUPLICATE_ID", "SOURCE_INCOMPLETE"));

    private static ScheduleConfig.Schedule accepting(String... codes) {
        return new ScheduleConfig.Schedule() {
            @Override
            public String cron() {
                return "0 0 * * * ?";
            }

            @Override
            public String mode() {
                return "apply";
            }

            @Override
            public Optional<List<String>> accept() {
                return codes.length == 0 ? Optional.empty() : Optional.of(List.of(codes));
            }
        };
    }

    @Test
    void knownCodesOrNoneAreAccepted() {
        assertThatCode(() -> MigrationSchedules.checkAccepted("m", accepting("DUPLICATE_ID", "SOURCE_INCOMPLETE"), KNOWN))
                .doesNotThrowAnyException();
        assertThatCode(() -> MigrationSchedules.checkAccepted("m", accepting(), KNOWN)).doesNotThrowAnyException();
    }

    @Test
    void unknownCodeIsRefusedNamingTheSettingTheCodeAndTheKnownOnes() {
        assertThatThrownBy(() -> MigrationSchedules.checkAccepted("m", accepting("DUPLICATE_ID", "NOPE"), KNOWN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cutover.migrations.m.schedule.accept NOPE")
                .hasMessageContaining("not an anomaly code of m")
                .hasMessageContaining("DUPLICATE_ID, SOURCE_INCOMPLETE");
    }
}
