package dev.cutover.migrations.notifications.behavior;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The due computation of a model at a slot, without a database. */
class DispatchModelTest {

    // 2025-01-06 is a Monday; Europe/Paris is UTC+1 in January
    private static final Instant MONDAY_0900_UTC = Instant.parse("2025-01-06T09:00:00Z");
    private static final Instant SATURDAY_0900_UTC = Instant.parse("2025-01-11T09:00:00Z");

    private static DispatchTarget target(String recipient) {
        return new DispatchTarget("acme", "email", 3, recipient);
    }

    @Test
    void weekdayScheduleIsDueOnAMondayAndNotOnASaturdayNorAtAnotherMinute() {
        DispatchModel model = DispatchModel.builder()
                .add("acme", "email", 3, "0 9 * * MON-FRI", "UTC", List.of("a@x.example", "b@x.example"), () -> "rule")
                .build();

        assertThat(model.dueAt(MONDAY_0900_UTC)).containsExactly(target("a@x.example"), target("b@x.example"));
        assertThat(model.dueAt(SATURDAY_0900_UTC)).isEmpty();
        assertThat(model.dueAt(MONDAY_0900_UTC.plus(Duration.ofMinutes(1)))).isEmpty();
    }

    @Test
    void scheduleIsEvaluatedInItsZoneNotInUtc() {
        DispatchModel model = DispatchModel.builder()
                .add("acme", "email", 3, "0 9 * * 1-5", "Europe/Paris", List.of("a@x.example"), () -> "rule")
                .build();

        assertThat(model.dueAt(Instant.parse("2025-01-06T08:00:00Z"))).containsExactly(target("a@x.example"));
        assertThat(model.dueAt(MONDAY_0900_UTC)).isEmpty();
        // in summer Paris is UTC+2
        assertThat(model.dueAt(Instant.parse("2025-07-07T07:00:00Z"))).containsExactly(target("a@x.example"));
    }

    @Test
    void aTargetDueThroughSeveralRulesIsDueOncePerSlot() {
        DispatchModel model = DispatchModel.builder()
                .add("acme", "email", 3, "0 9 * * MON-FRI", "UTC", List.of("a@x.example"), () -> "rule 1")
                .add("acme", "email", 3, "00 09 * * 1-5", "UTC", List.of("a@x.example", "b@x.example"), () -> "rule 2")
                .add("acme", "email", 3, "*/30 9-17 * * MON-FRI", "UTC", List.of("a@x.example"), () -> "rule 3")
                .build();

        assertThat(model.dueAt(MONDAY_0900_UTC)).containsExactly(target("a@x.example"), target("b@x.example"));
        assertThat(model.dueAt(MONDAY_0900_UTC.plus(Duration.ofMinutes(30)))).containsExactly(target("a@x.example"));
    }

    @Test
    void spellingsOfOneScheduleInOneZoneShareOneScheduleGroup() {
        DispatchModel model = DispatchModel.builder()
                .add("acme", "email", 3, "0 9 * * MON-FRI", "UTC", List.of("a@x.example"), () -> "rule 1")
                .add("hooli", "sms", 1, "0 9 1-31 * 1-5", "UTC", List.of("+33612345678"), () -> "rule 2")
                .add("hooli", "sms", 1, "0 9 * * 1-5", "Asia/Tokyo", List.of("+33612345678"), () -> "rule 3")
                .build();

        assertThat(model.entryCount()).isEqualTo(3);
        assertThat(model.scheduleCount()).isEqualTo(2);
    }

    @Test
    void aLocalTimeSkippedBySpringForwardNeverFiresAndOneRepeatedByFallBackFiresTwice() {
        DispatchModel model = DispatchModel.builder()
                .add("acme", "email", 3, "30 2 * * *", "Europe/Paris", List.of("a@x.example"), () -> "rule")
                .build();

        assertThat(dueMinutes(model, Instant.parse("2025-03-30T00:00:00Z"))).isEmpty();
        assertThat(dueMinutes(model, Instant.parse("2025-03-29T00:00:00Z")))
                .containsExactly(Instant.parse("2025-03-29T01:30:00Z"));
        assertThat(dueMinutes(model, Instant.parse("2025-10-26T00:00:00Z")))
                .containsExactly(Instant.parse("2025-10-26T00:30:00Z"), Instant.parse("2025-10-26T01:30:00Z"));
    }

    @Test
    void anEmptyModelDispatchesNothing() {
        assertThat(DispatchModel.empty().dueAt(MONDAY_0900_UTC)).isEmpty();
    }

    @Test
    void aSlotIsAWholeMinute() {
        assertThatThrownBy(() -> DispatchModel.empty().dueAt(MONDAY_0900_UTC.plusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEntryThatCannotBeExecutedIsRefusedNamingIt() {
        assertThatThrownBy(() -> DispatchModel.builder()
                .add("acme", "email", 3, "0 9 * * FRI-MON", "UTC", List.of("a@x.example"), () -> "policy pol_1"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("policy pol_1");
        assertThatThrownBy(() -> DispatchModel.builder()
                .add("acme", "email", 3, "0 9 * * *", "Mars/Olympus", List.of("a@x.example"), () -> "policy pol_2"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("policy pol_2");
    }

    /** @return the minutes of the UTC day starting at {@code day} at which the model dispatches anything */
    private static List<Instant> dueMinutes(DispatchModel model, Instant day) {
        return java.util.stream.IntStream.range(0, 24 * 60).mapToObj(m -> day.plus(Duration.ofMinutes(m)))
                .filter(slot -> !model.dueAt(slot).isEmpty()).toList();
    }

    /** A tenant has many rules, each read with its own copy of the tenant's name: the model keeps one. */
    @Test
    void targetsOfOneTenantAndChannelShareOneCopyOfTheirNames() {
        DispatchModel model = DispatchModel.builder()
                .add(new String("acme"), new String("email"), 3, "0 9 * * 1-5", "UTC", List.of("a@x.example"), () -> "rule 1")
                .add(new String("acme"), new String("email"), 3, "0 9 * * MON-FRI", "UTC", List.of("b@x.example"), () -> "rule 2")
                .add(new String("acme"), new String("email"), 3, "*/30 9-17 * * 1-5", "UTC", List.of("c@x.example"), () -> "rule 3")
                .build();

        List<DispatchTarget> due = List.copyOf(model.dueAt(MONDAY_0900_UTC));
        assertThat(due).containsExactly(target("a@x.example"), target("b@x.example"), target("c@x.example"));
        assertThat(due).allSatisfy(t -> {
            assertThat(t.tenant()).isSameAs(due.get(0).tenant());
            assertThat(t.channel()).isSameAs(due.get(0).channel());
        });
    }
}
