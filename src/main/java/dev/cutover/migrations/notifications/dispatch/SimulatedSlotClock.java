package dev.cutover.migrations.notifications.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A clock for tests: every tick is due at once and processes exactly the next slot, so a test covers
 * hundreds of slots in seconds and knows exactly which slots were processed ({@link #processedSlots()}).
 * Thread-safe, so a test can watch it while the dispatcher thread advances it. See {@link SlotClock}.
 */
public final class SimulatedSlotClock implements SlotClock {

    private final Instant first;
    private final Duration step;
    private final int count;
    private final List<Instant> processed = new ArrayList<>();

    SimulatedSlotClock(Instant first, Duration step, int count) {
        if (step.isNegative() || step.isZero() || step.toSeconds() % 60 != 0 || step.toNanosPart() != 0) {
            throw new IllegalArgumentException("the step is a positive number of whole minutes, not " + step);
        }
        if (count < 0) {
            throw new IllegalArgumentException("count " + count);
        }
        this.first = Slots.requireMinute(first);
        this.step = step;
        this.count = count;
    }

    @Override
    public synchronized List<Instant> dueSlots() {
        return processed.size() >= count ? List.of() : List.of(slot(processed.size()));
    }

    @Override
    public synchronized void processed(Instant lastSlot) {
        Instant expected = slot(processed.size());
        if (processed.size() >= count || !expected.equals(lastSlot)) {
            throw new IllegalStateException("slot " + lastSlot + " was not the next slot to process");
        }
        processed.add(lastSlot);
    }

    /** @return the slots processed (committed) so far, ascending */
    public synchronized List<Instant> processedSlots() {
        return List.copyOf(processed);
    }

    /** @return whether all {@code count} slots were processed */
    public synchronized boolean isExhausted() {
        return processed.size() >= count;
    }

    private Instant slot(int index) {
        return first.plus(step.multipliedBy(index));
    }
}
