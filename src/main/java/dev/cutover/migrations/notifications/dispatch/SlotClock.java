package dev.cutover.migrations.notifications.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Decides which slots (whole UTC minutes) a dispatcher tick processes. A clock hands out slots in
 * ascending order and only forgets them once the tick that processed them committed: a tick that
 * fails leaves {@link #dueSlots()} unchanged, so the next tick processes the same slots again and no
 * slot is skipped or processed twice.
 *
 * <p>Used from one thread at a time (the dispatcher's); state is in memory only, so a restarted
 * process starts a new clock (see {@link #realTime(Clock, Instant)}).
 */
public interface SlotClock {

    /**
     * @return the slots the next tick must process, ascending, none processed before; empty when none
     *         is due yet. Calling it again without {@link #processed} returns the same slots (or, for the
     *         real-time clock, the same ones followed by any minute that became due meanwhile).
     */
    List<Instant> dueSlots();

    /**
     * Records that a tick committed every slot up to and including {@code lastSlot}, the last one of a
     * {@link #dueSlots()} answer; they are never returned again.
     */
    void processed(Instant lastSlot);

    /**
     * The clock of a running platform: each tick processes every whole minute that became due (began)
     * since the last processed slot, starting with the minute {@code clock} shows now.
     */
    static RealTimeSlotClock realTime(Clock clock) {
        return new RealTimeSlotClock(clock, Slots.minuteOf(clock.instant()));
    }

    /**
     * As {@link #realTime(Clock)}, starting at {@code firstSlot} (a whole minute): how a restarted
     * dispatcher skips the minute its previous incarnation already dispatched.
     */
    static RealTimeSlotClock realTime(Clock clock, Instant firstSlot) {
        return new RealTimeSlotClock(clock, Slots.requireMinute(firstSlot));
    }

    /** A test clock: each tick processes exactly the next minute, starting with {@code firstSlot}, without end. */
    static SimulatedSlotClock simulated(Instant firstSlot) {
        return new SimulatedSlotClock(firstSlot, Duration.ofMinutes(1), Integer.MAX_VALUE);
    }

    /**
     * A test clock: each tick processes exactly one slot, {@code firstSlot}, {@code firstSlot + step}, ...,
     * {@code count} slots in all, then none. A step of several minutes lets a test cover days of
     * schedules in a few hundred ticks; the minutes in between are then not processed at all.
     */
    static SimulatedSlotClock simulated(Instant firstSlot, Duration step, int count) {
        return new SimulatedSlotClock(firstSlot, step, count);
    }
}
