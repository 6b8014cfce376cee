package dev.cutover.migrations.notifications.behavior;

import java.util.Arrays;

/**
 * An immutable, sorted set of {@link DispatchCalendar} ids: the (schedule, zone) pairs through which
 * one (tenant, channel, priority, recipient) is notified. Usable as a map key, so that the union of
 * the calendars of a set is computed once per distinct set rather than once per recipient.
 */
final class CalendarIds {

    private final int[] ids;
    private final int hash;

    private CalendarIds(int[] ids) {
        this.ids = ids;
        this.hash = Arrays.hashCode(ids);
    }

    static CalendarIds of(int id) {
        return new CalendarIds(new int[] { id });
    }

    /** @return the union; {@code a} itself when {@code b} adds nothing, which is the common case */
    static CalendarIds union(CalendarIds a, CalendarIds b) {
        int[] merged = new int[a.ids.length + b.ids.length];
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < a.ids.length || j < b.ids.length) {
            if (j == b.ids.length || (i < a.ids.length && a.ids[i] < b.ids[j])) {
                merged[n++] = a.ids[i++];
            } else if (i == a.ids.length || b.ids[j] < a.ids[i]) {
                merged[n++] = b.ids[j++];
            } else {
                merged[n++] = a.ids[i++];
                j++;
            }
        }
        return n == a.ids.length ? a : new CalendarIds(Arrays.copyOf(merged, n));
    }

    int size() {
        return ids.length;
    }

    int get(int position) {
        return ids[position];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CalendarIds that && hash == that.hash && Arrays.equals(ids, that.ids);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return Arrays.toString(ids);
    }
}
