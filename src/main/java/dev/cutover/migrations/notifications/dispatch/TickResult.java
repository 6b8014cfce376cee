package dev.cutover.migrations.notifications.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What one committed dispatcher tick did.
 *
 * @param tick       the tick number written to {@code dispatch_log.tick}; 0 for a tick with no slot due
 *                   (it opens no transaction and writes nothing)
 * @param slots      the slots it processed, ascending
 * @param model      {@code legacy} or {@code generation}; {@code null} when no slot was due
 * @param generation the generation it executed (0 = legacy)
 * @param runId      the run its model came from; {@code null} when none (see {@link ExecutingDispatchModel})
 * @param dispatched the rows it logged
 * @param elapsed    wall time of the tick, transaction included
 */
public record TickResult(long tick, List<Instant> slots, String model, int generation, Long runId, int dispatched,
        Duration elapsed) {

    static TickResult idle() {
        return new TickResult(0, List.of(), null, 0, null, 0, Duration.ZERO);
    }

    /** @return whether no slot was due */
    public boolean isIdle() {
        return slots.isEmpty();
    }
}
