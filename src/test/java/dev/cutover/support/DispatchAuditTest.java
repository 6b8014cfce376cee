package dev.cutover.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.cutover.support.DispatchAudit.ReferencePolicy;
import dev.cutover.support.DispatchAudit.Row;
import dev.cutover.support.DispatchAudit.Tuple;

/** The audit itself: it must catch every way a dispatch log can be wrong, or passing it proves nothing. */
class DispatchAuditTest {

    private static final Instant MONDAY_0900 = Instant.parse("2025-01-06T09:00:00Z");
    private static final Instant TUESDAY_0900 = MONDAY_0900.plus(Duration.ofDays(1));
    private static final List<ReferencePolicy> REFERENCE = List.of(
            new ReferencePolicy("acme", "email", 3, "0 9 * * 1,2,3,4,5", "UTC", List.of("a@x", "b@x")));
    private static final List<Instant> WINDOW = DispatchAudit.minutes(MONDAY_0900.minusSeconds(60), 3);

    private static Row row(long tick, String recipient, Instant slot, String model, int generation) {
        return new Row(tick, new Tuple("acme", "email", 3, recipient, slot), model, generation);
    }

    private static Row legacy(long tick, String recipient) {
        return row(tick, recipient, MONDAY_0900, "legacy", 0);
    }

    @Test
    void aLogWithEveryDueTupleOnceFromOneModelPerTickPasses() {
        DispatchAuditReport report = DispatchAudit.audit(List.of(legacy(1, "a@x"), legacy(1, "b@x")), WINDOW, REFERENCE);

        report.assertExactlyOnceAndUnmixed();
        assertThat(report.expected()).isEqualTo(2);
        assertThat(report.dispatched()).isEqualTo(2);
        assertThat(report.modelsSeen()).containsExactly("legacy");
        assertThat(report.modelChanges()).isZero();
    }

    @Test
    void aDueTupleNotDispatchedIsMissing() {
        DispatchAuditReport report = DispatchAudit.audit(List.of(legacy(1, "a@x")), WINDOW, REFERENCE);

        assertThat(report.missing()).containsExactly(new Tuple("acme", "email", 3, "b@x", MONDAY_0900));
        assertThatThrownBy(report::assertExactlyOnceAndUnmixed).isInstanceOf(AssertionError.class)
                .hasMessageContaining("1 missing");
    }

    @Test
    void aTupleDispatchedTwiceIsADuplicate() {
        DispatchAuditReport report = DispatchAudit.audit(List.of(legacy(1, "a@x"), legacy(1, "b@x"), legacy(1, "a@x")),
                WINDOW, REFERENCE);

        assertThat(report.duplicates()).containsEntry(new Tuple("acme", "email", 3, "a@x", MONDAY_0900), 2);
        assertThat(report.exactlyOnceAndUnmixed()).isFalse();
    }

    @Test
    void aTupleThatIsNotDueIsUnexpected() {
        DispatchAuditReport report = DispatchAudit.audit(List.of(legacy(1, "a@x"), legacy(1, "b@x"), legacy(1, "c@x")),
                WINDOW, REFERENCE);

        assertThat(report.unexpected()).containsExactly(new Tuple("acme", "email", 3, "c@x", MONDAY_0900));
        assertThat(report.exactlyOnceAndUnmixed()).isFalse();
    }

    @Test
    void aTickWithRowsOfTwoModelsIsMixed() {
        DispatchAuditReport report = DispatchAudit.audit(
                List.of(legacy(1, "a@x"), row(1, "b@x", MONDAY_0900, "generation", 1)), WINDOW, REFERENCE);

        assertThat(report.mixedTicks()).containsOnlyKeys(1L);
        assertThat(report.missing()).isEmpty();
        assertThat(report.exactlyOnceAndUnmixed()).isFalse();
    }

    @Test
    void aSlotDispatchedByTwoTicksIsSplit() {
        DispatchAuditReport report = DispatchAudit.audit(List.of(legacy(1, "a@x"), legacy(2, "b@x")), WINDOW, REFERENCE);

        assertThat(report.splitSlots()).containsOnlyKeys(MONDAY_0900);
        assertThat(report.exactlyOnceAndUnmixed()).isFalse();
    }

    @Test
    void modelsSeenAndModelChangesFollowTheTicks() {
        List<Instant> window = List.of(MONDAY_0900, TUESDAY_0900, TUESDAY_0900.plus(Duration.ofDays(1)));
        List<Row> rows = List.of(legacy(1, "a@x"), legacy(1, "b@x"),
                row(2, "a@x", TUESDAY_0900, "generation", 1), row(2, "b@x", TUESDAY_0900, "generation", 1),
                row(3, "a@x", window.get(2), "legacy", 0), row(3, "b@x", window.get(2), "legacy", 0));

        DispatchAuditReport report = DispatchAudit.audit(rows, window, REFERENCE).assertExactlyOnceAndUnmixed();

        assertThat(report.modelsSeen()).containsExactly("legacy", "generation 1");
        assertThat(report.modelChanges()).isEqualTo(2);
    }

    @Test
    void rowsOutsideTheWindowAreLeftOut() {
        List<Row> rows = List.of(legacy(1, "a@x"), legacy(1, "b@x"), row(2, "a@x", TUESDAY_0900, "legacy", 0));

        DispatchAudit.audit(rows, WINDOW, REFERENCE).assertExactlyOnceAndUnmixed();
    }
}
