package dev.cutover.migrations.notifications;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The due minutes of schedules over one horizon: for each distinct (schedule text, zone) a bitset
 * whose bit {@code m} is set when the UTC minute {@code start + m} is due, computed once however
 * many rules and recipients share it. This is what keeps the behavior check linear in the number
 * of rules: the minute-by-minute work depends only on the number of distinct schedules and zones.
 *
 * <p>A UTC minute is due when the schedule matches the zone's local date-time at that instant.
 * Walking UTC minutes and converting each one gives the platform's DST behavior by construction:
 * a local time skipped by a spring-forward transition never fires that day, and a local time
 * repeated by a fall-back transition fires twice (once per UTC instant that shows it).
 *
 * <p>Schedules are parsed when registered, so errors name their owner at once; their minutes are
 * computed on the first {@link #due} call, zone by zone, so that the local times of a zone are
 * derived once for all of its schedules.
 */
final class DispatchCalendar {

    /** At most this many unions are kept (about 5 MB for a one-week horizon); others are recomputed. */
    static final int UNION_CACHE_LIMIT = 4096;

    private final Instant start;
    private final int minutes;
    private final Map<Calendar, CalendarIds> ids = new HashMap<>();
    private final List<CronSchedule> schedules = new ArrayList<>();
    private final List<ZoneRules> zones = new ArrayList<>();
    private final List<BitSet> dueMinutes = new ArrayList<>();
    // unions of several calendars, one per distinct id set (a single calendar is its own union);
    // bounded, because when every recipient has its own mix of schedules the sets do not repeat
    // and keeping their unions would cost 10,080 bits per recipient after all
    private final Map<CalendarIds, BitSet> unions = new HashMap<>();

    /**
     * @param start   first minute of the horizon (UTC, whole minute)
     * @param minutes length of the horizon in minutes
     */
    DispatchCalendar(Instant start, int minutes) {
        this.start = start;
        this.minutes = minutes;
    }

    /**
     * @param owner names what the schedule belongs to, for the message when it cannot be evaluated
     * @return the one-element id set of the calendar of {@code schedule} in {@code timezone},
     *         the same instance for the same pair
     * @throws IllegalStateException naming the owner when the schedule does not parse or the zone is unknown
     */
    CalendarIds idOf(String schedule, String timezone, Supplier<String> owner) {
        Calendar calendar = new Calendar(schedule, timezone);
        CalendarIds known = ids.get(calendar);
        if (known != null) {
            return known;
        }
        CronSchedule parsed = CronSchedule.parse(schedule).orElseThrow(() -> new IllegalStateException(
                owner.get() + ": schedule '" + schedule + "' does not parse"));
        ZoneRules rules;
        try {
            rules = ZoneId.of(timezone).getRules();
        } catch (DateTimeException e) {
            throw new IllegalStateException(owner.get() + ": unknown time zone '" + timezone + "'", e);
        }
        schedules.add(parsed);
        zones.add(rules);
        CalendarIds id = CalendarIds.of(schedules.size() - 1);
        ids.put(calendar, id);
        return id;
    }

    /**
     * @param scratch a bitset the result may be written to, overwriting it, when the union is not cached
     * @return the minutes due in at least one calendar of the set: a shared bitset (do not modify) or
     *         {@code scratch}
     */
    BitSet due(CalendarIds set, BitSet scratch) {
        computePending();
        if (set.size() == 1) {
            return dueMinutes.get(set.get(0));
        }
        BitSet cached = unions.get(set);
        if (cached != null) {
            return cached;
        }
        BitSet union = unions.size() < UNION_CACHE_LIMIT ? new BitSet(minutes) : scratch;
        union.clear();
        for (int i = 0; i < set.size(); i++) {
            union.or(dueMinutes.get(set.get(i)));
        }
        if (union != scratch) {
            unions.put(set, union);
        }
        return union;
    }

    /** @return how many distinct (schedule, zone) calendars have been registered */
    int size() {
        return schedules.size();
    }

    private void computePending() {
        int computed = dueMinutes.size();
        if (computed == schedules.size()) {
            return;
        }
        Map<ZoneRules, List<Integer>> pendingByZone = new LinkedHashMap<>();
        for (int id = computed; id < schedules.size(); id++) {
            pendingByZone.computeIfAbsent(zones.get(id), zone -> new ArrayList<>()).add(id);
            dueMinutes.add(null);
        }
        pendingByZone.forEach((zone, pending) -> {
            LocalDateTime[] locals = localTimes(zone);
            for (int id : pending) {
                CronSchedule schedule = schedules.get(id);
                BitSet due = new BitSet(minutes);
                for (int m = 0; m < minutes; m++) {
                    if (schedule.matches(locals[m])) {
                        due.set(m);
                    }
                }
                dueMinutes.set(id, due);
            }
        });
    }

    /** The wall-clock time of each horizon minute in a zone: the one zone-aware step of the check. */
    private LocalDateTime[] localTimes(ZoneRules zone) {
        LocalDateTime[] locals = new LocalDateTime[minutes];
        long first = start.getEpochSecond();
        for (int m = 0; m < minutes; m++) {
            long second = first + 60L * m;
            locals[m] = LocalDateTime.ofEpochSecond(second, 0, zone.getOffset(Instant.ofEpochSecond(second)));
        }
        return locals;
    }

    private record Calendar(String schedule, String timezone) {
    }
}
