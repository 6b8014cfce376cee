package dev.cutover.migrations.notifications.schedule;

import java.time.LocalDateTime;
import java.util.Optional;
import java.util.StringJoiner;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * A five-field cron schedule as DESIGN.md §5 rule 8 defines it: minute, hour, day of month, month, day of week.
 * <p>
 * Two expressions that select the same values have the same {@link #canonical()} form, are {@link #equals equal}
 * and {@link #matches match} the same times: the meaning is that of the canonical form, where a day field that
 * covers its whole range is {@code *} whatever way it was written ({@code 1-31}, {@code 0-7}, {@code SUN-SAT}).
 * <p>
 * Immutable and thread-safe. {@link #matches} only tests precomputed bit masks, so it is cheap enough to call
 * for every minute of a long horizon.
 */
public final class CronSchedule {

    /**
     * Schedules kept, by spelling: a million rules spell a few hundred schedules, and reading one (cron-utils
     * compiles its patterns on every parse) and writing its canonical form cost 2.2 s of a 1M-record plan's
     * CPU when every record read its own. The least used go first beyond this many.
     */
    static final int KEPT_SPELLINGS = 10_000;

    /**
     * Longest spelling kept (the longest canonical form, every value of every field listed, is about 350
     * characters; spellings seen in rules are a few dozen): a longer one is read every time, so hostile
     * spellings of megabytes are never held.
     */
    static final int LONGEST_KEPT_SPELLING = 256;

    private static final Cache<String, Optional<CronSchedule>> KEPT = Caffeine.newBuilder().maximumSize(KEPT_SPELLINGS).build();

    private final long minutes;
    private final long hours;
    private final long daysOfMonth;
    private final long months;
    private final long daysOfWeek;
    private final boolean everyDayOfMonth;
    private final boolean everyDayOfWeek;
    private final String canonical;

    private CronSchedule(long[] masks) {
        this.minutes = masks[ScheduleField.MINUTE.ordinal()];
        this.hours = masks[ScheduleField.HOUR.ordinal()];
        this.daysOfMonth = masks[ScheduleField.DAY_OF_MONTH.ordinal()];
        this.months = masks[ScheduleField.MONTH.ordinal()];
        this.daysOfWeek = masks[ScheduleField.DAY_OF_WEEK.ordinal()];
        this.everyDayOfMonth = daysOfMonth == ScheduleField.DAY_OF_MONTH.fullMask();
        this.everyDayOfWeek = daysOfWeek == ScheduleField.DAY_OF_WEEK.fullMask();
        StringJoiner fields = new StringJoiner(" ");
        for (ScheduleField field : ScheduleField.values()) {
            fields.add(field.canonical(masks[field.ordinal()]));
        }
        this.canonical = fields.toString();
    }

    /**
     * Parses a rule 8 expression: five fields separated by spaces or tabs, leading and trailing ones ignored.
     *
     * @param expression the schedule as written in a legacy rule; may be null
     * @return the schedule, or empty when {@code expression} is null, blank or not valid per rule 8
     *         (the record's anomaly is then {@code INVALID_CRON}); never throws for any input
     */
    public static Optional<CronSchedule> parse(String expression) {
        if (expression == null || expression.length() > LONGEST_KEPT_SPELLING) {
            return read(expression);
        }
        return KEPT.get(expression, CronSchedule::read);
    }

    private static Optional<CronSchedule> read(String expression) {
        return CronExpressionReader.read(expression).map(CronSchedule::new);
    }

    /** @return whether the schedule of this spelling is kept (for tests) */
    static boolean kept(String spelling) {
        return KEPT.getIfPresent(spelling) != null;
    }

    /**
     * @return the canonical form: each field as the ascending comma list of its values without leading zeros,
     *         or {@code *} when it covers the field's whole range; day of week 7 written as 0. For example
     *         {@code 0 9 * * MON-FRI} gives {@code 0 9 * * 1,2,3,4,5}.
     */
    public String canonical() {
        return canonical;
    }

    /**
     * A time matches when its minute, hour and month are selected and its day is: when one day field is
     * {@code *} (in the canonical form) the other decides; when both are restricted, either may match.
     *
     * @param local a wall-clock time in the schedule's time zone; seconds and nanoseconds are ignored
     * @return whether the schedule is due at that minute
     * @throws NullPointerException when {@code local} is null
     */
    public boolean matches(LocalDateTime local) {
        return matches(local.getMinute(), local.getHour(), local.getDayOfMonth(), local.getMonthValue(),
                local.getDayOfWeek().getValue() % 7);
    }

    /**
     * {@link #matches(LocalDateTime)} on the fields of a wall-clock time, for callers that derive them
     * once and test many schedules against them ({@link DueMinutes}).
     *
     * @param dayOfWeek 0 (Sunday) to 6 (Saturday), as cron counts
     */
    boolean matches(int minute, int hour, int dayOfMonth, int month, int dayOfWeek) {
        if (!has(minutes, minute) || !has(hours, hour) || !has(months, month)) {
            return false;
        }
        boolean dayOfMonthMatches = has(daysOfMonth, dayOfMonth);
        boolean dayOfWeekMatches = has(daysOfWeek, dayOfWeek);
        if (everyDayOfMonth) {
            return dayOfWeekMatches;
        }
        if (everyDayOfWeek) {
            return dayOfMonthMatches;
        }
        return dayOfMonthMatches || dayOfWeekMatches;
    }

    private static boolean has(long mask, int value) {
        return (mask & (1L << value)) != 0;
    }

    /** Equal when the canonical forms are equal; equal schedules match the same times. */
    @Override
    public boolean equals(Object other) {
        return other instanceof CronSchedule schedule && canonical.equals(schedule.canonical);
    }

    @Override
    public int hashCode() {
        return canonical.hashCode();
    }

    /** @return the canonical form */
    @Override
    public String toString() {
        return canonical;
    }
}
