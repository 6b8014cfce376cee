package dev.cutover.migrations.notifications.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.cutover.support.HandClock;

/** Which slots each tick processes, on the real-time and the simulated clock. */
class SlotClockTest {

    private static final Instant T0 = Instant.parse("2025-01-06T08:00:00Z");

    private static Instant t0Plus(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    @Test
    void realTimeClockStartsWithTheMinuteItStartedIn() {
        HandClock wall = new HandClock(T0.plusSeconds(42));
        SlotClock clock = SlotClock.realTime(wall);

        assertThat(clock.dueSlots()).containsExactly(T0);
        clock.processed(T0);
        wall.advance(Duration.ofSeconds(17));
        assertThat(clock.dueSlots()).as("the next minute has not begun").isEmpty();
    }

    @Test
    void realTimeClockProcessesEveryMinuteThatBeganSinceTheLastProcessedSlot() {
        HandClock wall = new HandClock(T0);
        SlotClock clock = SlotClock.realTime(wall);
        clock.processed(T0);

        wall.advance(Duration.ofMinutes(3).plusSeconds(5));

        assertThat(clock.dueSlots()).containsExactly(t0Plus(1), t0Plus(2), t0Plus(3));
        clock.processed(t0Plus(3));
        assertThat(clock.dueSlots()).isEmpty();
    }

    @Test
    void realTimeClockGivesTheSameSlotsAgainUntilATickCommitsThem() {
        HandClock wall = new HandClock(T0);
        SlotClock clock = SlotClock.realTime(wall);

        List<Instant> failedTick = clock.dueSlots();
        wall.advance(Duration.ofMinutes(1));

        assertThat(clock.dueSlots()).containsExactly(failedTick.get(0), t0Plus(1));
    }

    @Test
    void realTimeClockNeverGivesAProcessedSlotAgain() {
        SlotClock clock = SlotClock.realTime(new HandClock(T0));
        clock.processed(T0);

        assertThatThrownBy(() -> clock.processed(T0)).isInstanceOf(IllegalStateException.class);
        assertThat(clock.dueSlots()).isEmpty();
    }

    @Test
    void realTimeClockCatchesUpALongOutageInBoundedTicksWithoutSkippingAMinute() {
        HandClock wall = new HandClock(T0);
        SlotClock clock = SlotClock.realTime(wall);
        wall.advance(Duration.ofHours(3));

        int processed = 0;
        Instant expected = T0;
        for (List<Instant> due = clock.dueSlots(); !due.isEmpty(); due = clock.dueSlots()) {
            assertThat(due).hasSizeLessThanOrEqualTo(RealTimeSlotClock.MAX_SLOTS_PER_TICK);
            for (Instant slot : due) {
                assertThat(slot).isEqualTo(expected);
                expected = expected.plus(Duration.ofMinutes(1));
            }
            processed += due.size();
            clock.processed(due.get(due.size() - 1));
        }
        assertThat(processed).isEqualTo(3 * 60 + 1);
    }

    @Test
    void restartedRealTimeClockCanStartAfterTheMinuteAlreadyDispatched() {
        SlotClock clock = SlotClock.realTime(new HandClock(T0.plusSeconds(30)), t0Plus(1));

        assertThat(clock.dueSlots()).isEmpty();
    }

    @Test
    void simulatedClockProcessesExactlyTheNextMinuteEachTick() {
        SimulatedSlotClock clock = SlotClock.simulated(T0);

        for (int i = 0; i < 500; i++) {
            assertThat(clock.dueSlots()).containsExactly(t0Plus(i));
            clock.processed(t0Plus(i));
        }
        assertThat(clock.processedSlots()).hasSize(500).startsWith(T0).endsWith(t0Plus(499));
    }

    @Test
    void simulatedClockGivesTheSameSlotAgainAfterAFailedTick() {
        SimulatedSlotClock clock = SlotClock.simulated(T0);

        clock.dueSlots();

        assertThat(clock.dueSlots()).containsExactly(T0);
        assertThat(clock.processedSlots()).isEmpty();
    }

    @Test
    void simulatedClockWithAStepProcessesCountSlotsThenNone() {
        SimulatedSlotClock clock = SlotClock.simulated(T0, Duration.ofMinutes(15), 3);

        for (int i = 0; i < 3; i++) {
            clock.processed(clock.dueSlots().get(0));
        }

        assertThat(clock.isExhausted()).isTrue();
        assertThat(clock.dueSlots()).isEmpty();
        assertThat(clock.processedSlots()).containsExactly(T0, t0Plus(15), t0Plus(30));
    }

    @Test
    void slotsAreWholeMinutes() {
        assertThatThrownBy(() -> SlotClock.simulated(T0.plusSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SlotClock.simulated(T0, Duration.ofSeconds(90), 2))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
