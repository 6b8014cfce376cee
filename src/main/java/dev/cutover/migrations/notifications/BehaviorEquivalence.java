package dev.cutover.migrations.notifications;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;

import dev.cutover.framework.plan.TargetPlan.BehaviorCheck;

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

    private BehaviorEquivalence() {
    }

    /**
     * @param leaves       the leaves of the migrated legacy records
     * @param policies     the planned policies
     * @param horizonStart start of the horizon (UTC); truncated to the minute
     * @throws IllegalStateException naming the record or policy whose schedule does not parse
     */
    public static BehaviorCheck check(List<MigratedLeaf> leaves, List<Policy> policies, Instant horizonStart) {
        DispatchCalendar calendar = new DispatchCalendar(horizonStart.truncatedTo(ChronoUnit.MINUTES),
                HORIZON_HOURS * 60);
        Map<DispatchKey, CalendarIds> legacy = new HashMap<>();
        for (MigratedLeaf migrated : leaves) {
            PolicyLeaf leaf = migrated.leaf();
            CalendarIds id = calendar.idOf(leaf.legacySchedule(), leaf.timezone(),
                    () -> "legacy record " + migrated.record());
            for (String recipient : leaf.recipients()) {
                legacy.merge(new DispatchKey(leaf.tenant(), leaf.channel(), leaf.priority(), recipient), id,
                        CalendarIds::union);
            }
        }
        Map<DispatchKey, CalendarIds> planned = new HashMap<>();
        for (Policy policy : policies) {
            GroupKey key = policy.key();
            CalendarIds id = calendar.idOf(key.schedule(), key.timezone(),
                    () -> "policy " + policy.policyId() + " " + key.canonicalJson());
            for (String recipient : policy.recipients()) {
                planned.merge(new DispatchKey(key.tenant(), key.channel(), key.priority(), recipient), id,
                        CalendarIds::union);
            }
        }
        return compare(calendar, legacy, planned);
    }

    private static BehaviorCheck compare(DispatchCalendar calendar, Map<DispatchKey, CalendarIds> legacy,
            Map<DispatchKey, CalendarIds> planned) {
        BitSet legacyScratch = new BitSet();
        BitSet plannedScratch = new BitSet();
        long legacyDispatches = 0;
        long newDispatches = 0;
        boolean equal = true;
        for (Entry<DispatchKey, CalendarIds> entry : legacy.entrySet()) {
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
        for (Entry<DispatchKey, CalendarIds> entry : planned.entrySet()) {
            if (!legacy.containsKey(entry.getKey())) {
                // only the plan notifies this recipient: new tuples, unless it never fires in the horizon
                int count = calendar.due(entry.getValue(), plannedScratch).cardinality();
                newDispatches += count;
                equal &= count == 0;
            }
        }
        return new BehaviorCheck(HORIZON_HOURS, legacyDispatches, newDispatches, equal);
    }

    private record DispatchKey(String tenant, String channel, int priority, String recipient) {
    }
}
