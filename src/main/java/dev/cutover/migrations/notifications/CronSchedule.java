package dev.cutover.migrations.notifications;

import java.time.LocalDateTime;
import java.util.Optional;

/**
 * A five-field cron schedule as DESIGN.md §5 rule 8 defines it. STUB: being implemented.
 */
public final class CronSchedule {

    /** @return the schedule, or empty when {@code expression} is not valid per rule 8 (INVALID_CRON) */
    public static Optional<CronSchedule> parse(String expression) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** @return the canonical form, e.g. {@code 0 9 * * 1,2,3,4,5} */
    public String canonical() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** @return whether the local date-time (seconds ignored) is due per the canonical meaning */
    public boolean matches(LocalDateTime local) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
