package dev.cutover.migrations.notifications.schedule;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.function.Supplier;

/**
 * A schedule in a time zone: what {@link DueMinutes} evaluates. Both the behavior check and the
 * dispatcher turn a (schedule text, zone text) pair into one through {@link #parse}, so they accept
 * and refuse the same pairs with the same message.
 *
 * <p>Equal when the schedules have the same canonical form (DESIGN.md §5 rule 8) and the zone ids
 * are equal: equal pairs are due at the same minutes, so a cache keyed by this record computes two
 * spellings of one schedule once. Zone aliases ({@code US/Eastern}, {@code America/New_York}) stay
 * apart, as rule 9 keeps them apart; they are due at the same minutes all the same.
 *
 * @param schedule the parsed schedule; its meaning is that of its canonical form
 * @param zone     the zone whose wall-clock time the schedule is matched against
 */
public record ZonedSchedule(CronSchedule schedule, ZoneId zone) {

    /**
     * @param owner names what the pair belongs to (a legacy record, a policy), for the message
     * @throws IllegalStateException naming the owner when the schedule does not parse (rule 8) or the
     *                               zone is null or not a zone id: a model that cannot be evaluated
     *                               exactly must be neither checked nor executed partly
     */
    public static ZonedSchedule parse(String schedule, String timezone, Supplier<String> owner) {
        CronSchedule parsed = CronSchedule.parse(schedule).orElseThrow(() -> new IllegalStateException(
                owner.get() + ": schedule '" + schedule + "' does not parse"));
        // a null zone used to reach the behavior check as a bare NullPointerException naming nothing
        if (timezone == null) {
            throw new IllegalStateException(owner.get() + ": no time zone");
        }
        try {
            return new ZonedSchedule(parsed, ZoneId.of(timezone));
        } catch (DateTimeException e) {
            throw new IllegalStateException(owner.get() + ": unknown time zone '" + timezone + "'", e);
        }
    }

    /** @return the canonical schedule and the zone, e.g. {@code 30 2 * * * Europe/Paris} */
    @Override
    public String toString() {
        return schedule.canonical() + " " + zone.getId();
    }
}
