package dev.cutover.migrations.notifications.schedule;

import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.StringJoiner;

import com.cronutils.model.field.CronFieldName;

/**
 * The five fields of a rule 8 schedule, in expression order, with their bounds and three-letter names.
 * A field's values are held as a bit mask ({@code 1L << value}); every bound is below 64.
 */
enum ScheduleField {

    MINUTE(CronFieldName.MINUTE, 0, 59, 0, List.of()),
    HOUR(CronFieldName.HOUR, 0, 23, 0, List.of()),
    DAY_OF_MONTH(CronFieldName.DAY_OF_MONTH, 1, 31, 0, List.of()),
    MONTH(CronFieldName.MONTH, 1, 12, 1,
            List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")),
    /** 0 and 7 are both Sunday; a mask is normalized to hold Sunday as 0 only. */
    DAY_OF_WEEK(CronFieldName.DAY_OF_WEEK, 0, 7, 0, List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"));

    private static final int SUNDAY_ALIAS = 7;

    private final CronFieldName cronUtilsName;
    private final int min;
    private final int max;
    private final int firstNameValue;
    private final List<String> names;

    ScheduleField(CronFieldName cronUtilsName, int min, int max, int firstNameValue, List<String> names) {
        this.cronUtilsName = cronUtilsName;
        this.min = min;
        this.max = max;
        this.firstNameValue = firstNameValue;
        this.names = names;
    }

    CronFieldName cronUtilsName() {
        return cronUtilsName;
    }

    int min() {
        return min;
    }

    /** The largest value an expression may write, also the end of {@code N/S} (7 for day of week). */
    int max() {
        return max;
    }

    /** @return the value of a three-letter name (any case), or empty when this field has no such name */
    OptionalInt valueOfName(String name) {
        int index = names.indexOf(name.toUpperCase(Locale.ROOT));
        return index < 0 ? OptionalInt.empty() : OptionalInt.of(firstNameValue + index);
    }

    /** @return the mask of {@code from, from + step, ...} up to {@code to} inclusive */
    static long steps(int from, int to, int step) {
        long mask = 0L;
        for (int value = from; value <= to; value += step) {
            mask |= 1L << value;
        }
        return mask;
    }

    /** @return the mask with the day-of-week alias 7 folded into 0 (other fields unchanged) */
    long normalize(long mask) {
        if (this != DAY_OF_WEEK || (mask & (1L << SUNDAY_ALIAS)) == 0) {
            return mask;
        }
        return (mask & ~(1L << SUNDAY_ALIAS)) | 1L;
    }

    /** @return the mask of every distinct value of the field (day of week: 0-6) */
    long fullMask() {
        return normalize(steps(min, max, 1));
    }

    /** @return {@code *} for the full mask, else the ascending comma list of a normalized mask's values */
    String canonical(long mask) {
        if (mask == fullMask()) {
            return "*";
        }
        StringJoiner list = new StringJoiner(",");
        for (int value = min; value <= max; value++) {
            if ((mask & (1L << value)) != 0) {
                list.add(Integer.toString(value));
            }
        }
        return list.toString();
    }
}
