package dev.cutover.migrations.notifications;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
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
 */
final class DispatchCalendar {

    private final Instant start;
    private final int minutes;
    private final Map<Calendar, CalendarIds> ids = new HashMap<>();
    private final List<BitSet> dueMinutes = new ArrayList<>();
    // unions of several calendars, one per distinct id set; a single calendar is its own union
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
        CalendarIds id = CalendarIds.of(dueMinutes.size());
        dueMinutes.add(compute(calendar, owner));
        ids.put(calendar, id);
        return id;
    }

    /** @return the minutes due in at least one calendar of the set; shared, do not modify */
    BitSet due(CalendarIds set) {
        if (set.size() == 1) {
            return dueMinutes.get(set.get(0));
        }
        return unions.computeIfAbsent(set, key -> {
            BitSet union = new BitSet(minutes);
            for (int i = 0; i < key.size(); i++) {
                union.or(dueMinutes.get(key.get(i)));
            }
            return union;
        });
    }

    /** @return how many distinct (schedule, zone) calendars have been computed */
    int size() {
        return dueMinutes.size();
    }

    private BitSet compute(Calendar calendar, Supplier<String> owner) {
        CronSchedule schedule = CronSchedule.parse(calendar.schedule()).orElseThrow(() -> new IllegalStateException(
                owner.get() + ": schedule '" + calendar.schedule() + "' does not parse"));
        ZoneRules rules;
        try {
            rules = ZoneId.of(calendar.timezone()).getRules();
        } catch (DateTimeException e) {
            throw new IllegalStateException(owner.get() + ": unknown time zone '" + calendar.timezone() + "'", e);
        }
        BitSet due = new BitSet(minutes);
        long first = start.getEpochSecond();
        for (int m = 0; m < minutes; m++) {
            long second = first + 60L * m;
            Instant instant = Instant.ofEpochSecond(second);
            if (schedule.matches(LocalDateTime.ofEpochSecond(second, 0, rules.getOffset(instant)))) {
                due.set(m);
            }
        }
        return due;
    }

    private record Calendar(String schedule, String timezone) {
    }
}
