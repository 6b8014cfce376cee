package dev.cutover.migrations.notifications.behavior;

import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import dev.cutover.migrations.notifications.schedule.DueMinutes;
import dev.cutover.migrations.notifications.schedule.ZonedSchedule;

/**
 * The behavior check's cache of due minutes over one horizon: for each distinct {@link ZonedSchedule}
 * a bitset whose bit {@code m} is set when the UTC minute {@code start + m} is due, computed once
 * however many rules and recipients share it, and the unions of those bitsets per recipient. This is
 * what keeps the behavior check linear in the number of rules: the minute-by-minute work depends only
 * on the number of distinct schedules and zones.
 *
 * <p>When a minute is due is not decided here but by {@link DueMinutes}, the definition the live
 * dispatcher evaluates too, so the check and the dispatcher cannot disagree on DST gaps and overlaps,
 * the day-of-month/day-of-week rule or anything else.
 *
 * <p>Schedules are parsed when registered, so errors name their owner at once; their minutes are
 * computed on the first {@link #due} call.
 */
final class DispatchCalendar {

    /** At most this many unions are kept (about 5 MB for a one-week horizon); others are recomputed. */
    static final int UNION_CACHE_LIMIT = 4096;

    private final DueMinutes horizon;
    private final SharedMinutes shared;
    // by text first, so that the 100,000th rule spelled like the first is not parsed again
    private final Map<Calendar, CalendarIds> idsByText = new HashMap<>();
    // then by meaning: two spellings of one schedule in one zone are one calendar
    private final Map<ZonedSchedule, CalendarIds> ids = new HashMap<>();
    private final List<ZonedSchedule> schedules = new ArrayList<>();
    private final List<BitSet> dueMinutes = new ArrayList<>();
    // unions of several calendars, one per distinct id set (a single calendar is its own union);
    // bounded, because when every recipient has its own mix of schedules the sets do not repeat
    // and keeping their unions would cost 10,080 bits per recipient after all
    private final Map<CalendarIds, BitSet> unions = new HashMap<>();

    /**
     * @param start   first minute of the horizon (UTC, whole minute)
     * @param minutes length of the horizon in minutes
     * @throws IllegalArgumentException when {@code start} is not a whole minute
     */
    DispatchCalendar(Instant start, int minutes) {
        this(start, minutes, null);
    }

    /**
     * @param shared due minutes already computed over the same horizon by earlier calendars (the plan's
     *               behavior gate checks its population in shares, which mostly share their schedules),
     *               read and filled by this one; {@code null} for none
     */
    DispatchCalendar(Instant start, int minutes, SharedMinutes shared) {
        this.horizon = DueMinutes.window(start, minutes);
        this.shared = shared == null || !shared.covers(start, minutes) ? null : shared;
    }

    /**
     * @param owner names what the schedule belongs to, for the message when it cannot be evaluated
     * @return the one-element id set of the calendar of {@code schedule} in {@code timezone}, the same
     *         instance for the same pair and for another spelling of the same schedule in that zone
     * @throws IllegalStateException naming the owner when the schedule does not parse or the zone is
     *                               unknown ({@link ZonedSchedule#parse})
     */
    CalendarIds idOf(String schedule, String timezone, Supplier<String> owner) {
        Calendar calendar = new Calendar(schedule, timezone);
        CalendarIds known = idsByText.get(calendar);
        if (known == null) {
            known = ids.computeIfAbsent(ZonedSchedule.parse(schedule, timezone, owner), parsed -> {
                schedules.add(parsed);
                return CalendarIds.of(schedules.size() - 1);
            });
            idsByText.put(calendar, known);
        }
        return known;
    }

    /** @return the one-element id set of an already parsed calendar, the same instance for the same meaning */
    CalendarIds idOf(ZonedSchedule schedule) {
        return ids.computeIfAbsent(schedule, parsed -> {
            schedules.add(parsed);
            return CalendarIds.of(schedules.size() - 1);
        });
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
        BitSet union = unions.size() < UNION_CACHE_LIMIT ? new BitSet(horizon.length()) : scratch;
        union.clear();
        for (int i = 0; i < set.size(); i++) {
            union.or(dueMinutes.get(set.get(i)));
        }
        if (union != scratch) {
            unions.put(set, union);
        }
        return union;
    }

    /** @return how many distinct {@link ZonedSchedule}s (by meaning) have been registered */
    int size() {
        return schedules.size();
    }

    private void computePending() {
        for (int id = dueMinutes.size(); id < schedules.size(); id++) {
            ZonedSchedule schedule = schedules.get(id);
            dueMinutes.add(shared == null ? horizon.of(schedule) : shared.of(schedule, horizon));
        }
    }

    /**
     * Due minutes per schedule over one horizon, kept across the calendars of one plan's behavior gate:
     * at most {@value #SHARED_LIMIT} schedules (about 5 MB for a week), the others computed each time.
     * Thread-safe; the bitsets are shared and never modified.
     */
    static final class SharedMinutes {
        static final int SHARED_LIMIT = 4096;

        private final Instant start;
        private final int minutes;
        private final Map<ZonedSchedule, BitSet> computed = new java.util.concurrent.ConcurrentHashMap<>();

        SharedMinutes(Instant start, int minutes) {
            this.start = start;
            this.minutes = minutes;
        }

        boolean covers(Instant otherStart, int otherMinutes) {
            return start.equals(otherStart) && minutes == otherMinutes;
        }

        BitSet of(ZonedSchedule schedule, DueMinutes horizon) {
            BitSet known = computed.get(schedule);
            if (known != null) {
                return known;
            }
            BitSet due = horizon.of(schedule);
            if (computed.size() < SHARED_LIMIT) {
                computed.putIfAbsent(schedule, due);
            }
            return due;
        }
    }

    private record Calendar(String schedule, String timezone) {
    }
}
