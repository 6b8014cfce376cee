package dev.cutover.migrations.notifications.behavior;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Map.Entry;

import dev.cutover.framework.migration.BehaviorCheck;

/**
 * The behavior check of DESIGN.md §6: compares the set of dispatch tuples (tenant, channel,
 * priority, recipient, UTC minute) that the migrated legacy records produce over the horizon with
 * the set the planned policies produce. The legacy side evaluates each leaf's schedule as the
 * legacy rule spelled it, the planned side each policy's canonical schedule, so a normalization
 * that changes a schedule's meaning, drops or adds a recipient, or moves a rule to another key
 * makes the sets differ. Counts are of distinct tuples on each side; {@code equal} compares the
 * sets themselves, so two sets of the same size with different tuples are not equal.
 *
 * <p>Linear in the number of rules: each side is a map from (tenant, channel, priority, recipient)
 * to the set of (schedule, zone) calendars it is notified through; the minutes of a calendar are
 * computed once, and a recipient's minutes are the union of its calendars' ({@link DispatchCalendar}),
 * so memory does not grow with recipients times minutes.
 */
public final class BehaviorEquivalence {

    /** The horizon DESIGN.md §6 fixes: one week, so every day-of-week field is exercised. */
    public static final int HORIZON_HOURS = 168;

    // the due minutes of the latest horizon checked: a plan checks its population in shares, all over one horizon
    private static volatile DispatchCalendar.SharedMinutes lastHorizon;

    private BehaviorEquivalence() {
    }

    /**
     * @param legacy       what the migrated legacy records dispatch (each leaf's schedule as the legacy rule spelled it)
     * @param planned      what the planned policies dispatch
     * @param horizonStart start of the horizon (UTC); truncated to the minute
     */
    public static BehaviorCheck check(DispatchModel legacy, DispatchModel planned, Instant horizonStart) {
        Instant start = horizonStart.truncatedTo(ChronoUnit.MINUTES);
        DispatchCalendar.SharedMinutes shared = lastHorizon;
        if (shared == null || !shared.covers(start, HORIZON_HOURS * 60)) {
            // a new plan: the shares of its gate (BehaviorModel#partition) reuse what the first one computed
            shared = new DispatchCalendar.SharedMinutes(start, HORIZON_HOURS * 60);
            lastHorizon = shared;
        }
        DispatchCalendar calendar = new DispatchCalendar(start, HORIZON_HOURS * 60, shared);
        return compare(calendar, calendars(calendar, legacy), calendars(calendar, planned));
    }

    /** @return per target, the set of calendars it is notified through */
    private static Map<DispatchTarget, CalendarIds> calendars(DispatchCalendar calendar, DispatchModel model) {
        Map<DispatchTarget, CalendarIds> byTarget = new HashMap<>();
        model.forEachSchedule((schedule, targets) -> {
            CalendarIds id = calendar.idOf(schedule);
            for (DispatchTarget target : targets) {
                byTarget.merge(target, id, CalendarIds::union);
            }
        });
        return byTarget;
    }

    private static BehaviorCheck compare(DispatchCalendar calendar, Map<DispatchTarget, CalendarIds> legacy,
            Map<DispatchTarget, CalendarIds> planned) {
        BitSet legacyScratch = new BitSet();
        BitSet plannedScratch = new BitSet();
        long legacyDispatches = 0;
        long newDispatches = 0;
        boolean equal = true;
        for (Entry<DispatchTarget, CalendarIds> entry : legacy.entrySet()) {
            CalendarIds legacyIds = entry.getValue();
            CalendarIds plannedIds = planned.get(entry.getKey());
            BitSet legacyMinutes = calendar.due(legacyIds, legacyScratch);
            int count = legacyMinutes.cardinality();
            legacyDispatches += count;
            if (legacyIds.equals(plannedIds)) {
                // identical calendar sets dispatch identical minutes: nothing to compare
                newDispatches += count;
            } else if (plannedIds == null) {
                equal &= count == 0;
            } else {
                BitSet plannedMinutes = calendar.due(plannedIds, plannedScratch);
                newDispatches += plannedMinutes.cardinality();
                equal &= legacyMinutes.equals(plannedMinutes);
            }
        }
        for (Entry<DispatchTarget, CalendarIds> entry : planned.entrySet()) {
            if (!legacy.containsKey(entry.getKey())) {
                // only the plan notifies this recipient: new tuples, unless it never fires in the horizon
                int count = calendar.due(entry.getValue(), plannedScratch).cardinality();
                newDispatches += count;
                equal &= count == 0;
            }
        }
        return new BehaviorCheck(HORIZON_HOURS, legacyDispatches, newDispatches, equal);
    }

}
