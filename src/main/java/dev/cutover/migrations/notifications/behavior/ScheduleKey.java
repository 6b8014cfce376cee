package dev.cutover.migrations.notifications.behavior;

import java.util.function.Supplier;

import dev.cutover.migrations.notifications.schedule.ZonedSchedule;

/**
 * The key the dispatcher reads a notification model by ({@link NotificationBehavior#leafKey}): a
 * schedule as the rule or policy spells it, and its zone, as {@code <zone> <schedule>}. A zone id holds
 * no space, so the first space ends it. Two spellings of one schedule are two keys, both due at the same
 * minutes: the dispatcher adds the targets of every key due in a slot into one set, so a target is
 * dispatched once however many keys make it due.
 */
public final class ScheduleKey {

    private ScheduleKey() {
    }

    public static String of(String schedule, String timezone) {
        return timezone + " " + schedule;
    }

    /**
     * @throws IllegalStateException naming the key when it is not one of {@link #of}, or as {@link ZonedSchedule#parse}
     */
    public static ZonedSchedule parse(String key) {
        int space = key.indexOf(' ');
        if (space < 0) {
            throw new IllegalStateException("schedule key '" + key + "' is not '<zone> <schedule>'");
        }
        Supplier<String> owner = () -> "schedule key '" + key + "'";
        return ZonedSchedule.parse(key.substring(space + 1), key.substring(0, space), owner);
    }
}
