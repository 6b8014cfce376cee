package dev.cutover.migrations.notifications.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Slot arithmetic: a slot is a whole UTC minute. */
final class Slots {

    static final Duration MINUTE = Duration.ofMinutes(1);

    private Slots() {
    }

    /** @return the minute that contains {@code instant} */
    static Instant minuteOf(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MINUTES);
    }

    /** @throws IllegalArgumentException when {@code slot} is not a whole minute */
    static Instant requireMinute(Instant slot) {
        if (!minuteOf(slot).equals(slot)) {
            throw new IllegalArgumentException("a slot is a whole UTC minute, not " + slot);
        }
        return slot;
    }
}
