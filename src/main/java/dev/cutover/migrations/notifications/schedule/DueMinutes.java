package dev.cutover.migrations.notifications.schedule;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneRules;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * The one definition of when a schedule is due, for the behavior check ({@code BehaviorEquivalence},
 * over its 168-hour horizon) and for the live dispatcher ({@code DispatchModel}, one slot at a time)
 * alike, so that what the check approves is what the dispatcher executes (DESIGN.md §11).
 *
 * <p><b>Contract.</b> A slot is a whole UTC minute. A {@link ZonedSchedule} is due in a slot when
 * its schedule matches (DESIGN.md §5 rule 8, {@link CronSchedule#matches}) the zone's wall-clock
 * time at that instant, seconds ignored. Walking UTC minutes and converting each one gives the DST
 * behavior by construction: a local time skipped by a spring-forward change never fires that day,
 * and a local time repeated by a fall-back change fires once per UTC minute that shows it, twice.
 * Nothing is shifted, merged or made up for.
 *
 * <p>An instance is a window of consecutive slots, {@code start} to {@code start + length - 1}.
 * The wall-clock fields of each slot are derived once per zone and shared by every schedule of
 * that zone, so the work of a window is one zone conversion per (zone, slot) and one bit-mask test
 * per (schedule, slot). Not thread-safe (that cache fills lazily): use a window from one thread.
 */
public final class DueMinutes {

    private final long startSecond;
    private final int length;
    // per zone, the packed wall-clock fields of each slot of the window (4 bytes a slot)
    private final Map<ZoneId, int[]> wallClocks = new HashMap<>();

    private DueMinutes(Instant start, int length) {
        this.startSecond = start.getEpochSecond();
        this.length = length;
    }

    /**
     * @param start  the first slot (a whole UTC minute)
     * @param length how many slots, at least 1
     * @throws IllegalArgumentException when {@code start} is not a whole minute or {@code length} < 1
     */
    public static DueMinutes window(Instant start, int length) {
        if (!start.truncatedTo(ChronoUnit.MINUTES).equals(start)) {
            throw new IllegalArgumentException("a slot is a whole UTC minute, not " + start);
        }
        if (length < 1) {
            throw new IllegalArgumentException("a window of " + length + " slots");
        }
        return new DueMinutes(start, length);
    }

    /**
     * The enumeration form, for the behavior check.
     *
     * @return a new bit set whose bit {@code m} is set when {@code schedule} is due in slot
     *         {@code start + m minutes}, for every {@code m} of the window
     */
    public BitSet of(ZonedSchedule schedule) {
        int[] clock = wallClock(schedule.zone());
        BitSet due = new BitSet(length);
        for (int m = 0; m < length; m++) {
            if (matches(schedule.schedule(), clock[m])) {
                due.set(m);
            }
        }
        return due;
    }

    /**
     * The predicate form, for the dispatcher; {@code isDue(s, m) == of(s).get(m)}.
     *
     * @param slot the slot's position in the window, 0 for {@code start}
     * @throws IndexOutOfBoundsException when {@code slot} is not in the window
     */
    public boolean isDue(ZonedSchedule schedule, int slot) {
        if (slot < 0 || slot >= length) {
            throw new IndexOutOfBoundsException("slot " + slot + " of a window of " + length);
        }
        return matches(schedule.schedule(), wallClock(schedule.zone())[slot]);
    }

    /** @return how many slots the window has */
    public int length() {
        return length;
    }

    private static boolean matches(CronSchedule schedule, int packed) {
        return schedule.matches(packed & 0x3f, packed >>> 6 & 0x1f, packed >>> 11 & 0x1f, packed >>> 16 & 0xf,
                packed >>> 20);
    }

    private int[] wallClock(ZoneId zone) {
        int[] clock = wallClocks.get(zone);
        if (clock == null) {
            clock = wallClockOf(zone.getRules());
            wallClocks.put(zone, clock);
        }
        return clock;
    }

    /**
     * The one zone-aware step: each slot's instant converted with the offset in force at that
     * instant, which is what skips the local times of a gap and repeats those of an overlap. The
     * fields are packed so that a week costs 40 KB per zone rather than a LocalDateTime per minute.
     */
    private int[] wallClockOf(ZoneRules rules) {
        int[] clock = new int[length];
        for (int m = 0; m < length; m++) {
            long second = startSecond + 60L * m;
            LocalDateTime local = LocalDateTime.ofEpochSecond(second, 0, rules.getOffset(Instant.ofEpochSecond(second)));
            clock[m] = local.getMinute() | local.getHour() << 6 | local.getDayOfMonth() << 11
                    | local.getMonthValue() << 16 | (local.getDayOfWeek().getValue() % 7) << 20;
        }
        return clock;
    }
}
