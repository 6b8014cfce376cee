package dev.cutover.support;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.cutover.support.DispatchAudit.Tuple;

/**
 * What {@link DispatchAudit} found over a window of slots.
 *
 * @param slots        slots in the window
 * @param expected     distinct tuples the reference model makes due in the window
 * @param dispatched   rows logged for the window (duplicates counted)
 * @param ticks        ticks that logged rows for the window
 * @param missing      due but not dispatched
 * @param unexpected   dispatched but not due
 * @param duplicates   dispatched more than once, with their count
 * @param mixedTicks   ticks whose rows name more than one model or generation, with those models
 * @param splitSlots   slots whose rows come from more than one tick, with those ticks
 * @param modelsSeen   models that dispatched ({@code legacy}, {@code generation N}), in order of their
 *                     first tick
 * @param modelChanges how often the model differs from that of the previous tick with rows
 */
public record DispatchAuditReport(int slots, int expected, int dispatched, int ticks, List<Tuple> missing,
        List<Tuple> unexpected, Map<Tuple, Integer> duplicates, Map<Long, Set<String>> mixedTicks,
        Map<Instant, Set<Long>> splitSlots, List<String> modelsSeen, int modelChanges) {

    private static final int SHOWN = 5;

    /** @return whether every due tuple was dispatched exactly once, nothing else, and no tick or slot is mixed */
    public boolean exactlyOnceAndUnmixed() {
        return missing.isEmpty() && unexpected.isEmpty() && duplicates.isEmpty() && mixedTicks.isEmpty()
                && splitSlots.isEmpty();
    }

    /**
     * @return this report, for further checks (such as {@link #modelsSeen()})
     * @throws AssertionError with {@link #summary()} when not {@link #exactlyOnceAndUnmixed()}
     */
    public DispatchAuditReport assertExactlyOnceAndUnmixed() {
        if (!exactlyOnceAndUnmixed()) {
            throw new AssertionError("dispatch log does not match the reference model exactly once per tuple:\n"
                    + summary());
        }
        return this;
    }

    /** @return the figures and the first few of each kind of problem */
    public String summary() {
        StringBuilder text = new StringBuilder();
        text.append(slots).append(" slots, ").append(expected).append(" tuples due, ").append(dispatched)
                .append(" dispatched by ").append(ticks).append(" ticks; ").append(modelsSeen.size()).append(" models ")
                .append(modelsSeen.size() <= SHOWN ? modelsSeen : modelsSeen.subList(0, SHOWN) + "...").append(", ")
                .append(modelChanges).append(" model changes");
        problem(text, "missing", missing.size(), missing);
        problem(text, "unexpected", unexpected.size(), unexpected);
        problem(text, "duplicated", duplicates.size(), duplicates.entrySet());
        problem(text, "mixed ticks", mixedTicks.size(), mixedTicks.entrySet());
        problem(text, "slots split over ticks", splitSlots.size(), splitSlots.entrySet());
        return text.toString();
    }

    private static void problem(StringBuilder text, String what, int count, Iterable<?> items) {
        if (count == 0) {
            return;
        }
        text.append("\n").append(count).append(' ').append(what).append(", e.g.:");
        int shown = 0;
        for (Object item : items) {
            if (shown++ == SHOWN) {
                break;
            }
            text.append("\n  ").append(item);
        }
    }
}
