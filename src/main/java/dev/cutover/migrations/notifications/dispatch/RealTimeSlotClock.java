package dev.cutover.migrations.notifications.dispatch;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Processes every whole minute that began since the last processed slot. When the dispatcher fell
 * behind (a stalled or failing database), the minutes it missed are processed late rather than lost,
 * at most {@value #MAX_SLOTS_PER_TICK} per tick so that catching up after a long outage is a series
 * of short transactions instead of one huge one. See {@link SlotClock}.
 */
public final class RealTimeSlotClock implements SlotClock {

    /** Most slots one tick processes while catching up. */
    public static final int MAX_SLOTS_PER_TICK = 60;

    private final Clock clock;
    private Instant next;

    RealTimeSlotClock(Clock clock, Instant firstSlot) {
        this.clock = clock;
        this.next = firstSlot;
    }

    @Override
    public synchronized List<Instant> dueSlots() {
        // a minute is due as soon as it begins: cron fires at second 0
        Instant now = Slots.minuteOf(clock.instant());
        List<Instant> due = new ArrayList<>();
        for (Instant slot = next; !slot.isAfter(now) && due.size() < MAX_SLOTS_PER_TICK; slot = slot.plus(Slots.MINUTE)) {
            due.add(slot);
        }
        return due;
    }

    @Override
    public synchronized void processed(Instant lastSlot) {
        if (lastSlot.isBefore(next)) {
            throw new IllegalStateException("slot " + lastSlot + " was already processed; next is " + next);
        }
        next = lastSlot.plus(Slots.MINUTE);
    }

    /** @return the first slot not processed yet */
    public synchronized Instant nextSlot() {
        return next;
    }
}
