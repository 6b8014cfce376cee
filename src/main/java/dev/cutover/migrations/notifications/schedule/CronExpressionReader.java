package dev.cutover.migrations.notifications.schedule;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.cronutils.model.Cron;
import com.cronutils.model.definition.CronDefinition;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.field.expression.Always;
import com.cronutils.model.field.expression.And;
import com.cronutils.model.field.expression.Between;
import com.cronutils.model.field.expression.Every;
import com.cronutils.model.field.expression.FieldExpression;
import com.cronutils.model.field.expression.On;
import com.cronutils.model.field.value.FieldValue;
import com.cronutils.model.field.value.IntegerFieldValue;
import com.cronutils.model.field.value.SpecialChar;
import com.cronutils.parser.CronParser;

/**
 * Reads a rule 8 expression (DESIGN.md §5) into one value mask per {@link ScheduleField}.
 * <p>
 * cron-utils parses the numeric field syntax, checks values, strict ranges ({@code A <= B}) and steps against
 * each field's bounds, and gives the expression tree the masks are computed from. Three things are done
 * here instead, because cron-utils disagrees with rule 8 on them:
 * <ul>
 * <li>the shape of the text: cron-utils accepts newlines between fields, {@code +1}, {@code /5} for
 * {@code *}&#47;5 and {@code *} inside a list ({@code *,5}), all invalid in rule 8;</li>
 * <li>names: cron-utils maps {@code SUN} to 7, so it rejects {@code SUN-SAT} and accepts {@code SAT-SUN},
 * the reverse of rule 8; names are replaced by their rule 8 numbers before cron-utils sees the text;</li>
 * <li>7 = Sunday: its int mapping 7 -&gt; 0 also rewrites step sizes and {@code N/S} starts ({@code 7/1}
 * would mean every day), so the definition keeps 0-7 and the masks fold 7 into 0 afterwards.</li>
 * </ul>
 * Thread-safe: the cron-utils parser holds no state after construction. Each call reads its spelling
 * ({@link CronSchedule#parse} keeps the schedules read).
 */
final class CronExpressionReader {

    /** Every character rule 8 can use; in particular no whitespace other than space and tab. */
    private static final Pattern ALLOWED = Pattern.compile("[0-9A-Za-z*,/ \t-]*");
    private static final Pattern BLANKS = Pattern.compile("[ \t]+");
    /** One list element: {@code *} or {@code V} or {@code V-V}, then an optional {@code /S}; V a number or a name. */
    private static final Pattern ELEMENT =
            Pattern.compile("(?:(\\*)|([0-9]+|[A-Za-z]+)(?:-([0-9]+|[A-Za-z]+))?)(?:/([0-9]+))?");

    private static final CronParser PARSER = new CronParser(definition());

    private CronExpressionReader() {
    }

    /** Five numeric fields with rule 8's bounds; day of week 0-7 (both Sunday), no special characters. */
    private static CronDefinition definition() {
        return CronDefinitionBuilder.defineCron()
                .withMinutes().withValidRange(0, 59).withStrictRange().and()
                .withHours().withValidRange(0, 23).withStrictRange().and()
                .withDayOfMonth().withValidRange(1, 31).withStrictRange().and()
                .withMonth().withValidRange(1, 12).withStrictRange().and()
                .withDayOfWeek().withValidRange(0, 7).withStrictRange().and()
                .instance();
    }

    /**
     * @return one normalized mask per field, in {@link ScheduleField} order, or empty when {@code expression}
     *         is null or not valid per rule 8
     */
    static Optional<long[]> read(String expression) {
        if (expression == null || !ALLOWED.matcher(expression).matches()) {
            return Optional.empty();
        }
        ScheduleField[] fields = ScheduleField.values();
        // after ALLOWED, trim() removes exactly the leading and trailing spaces and tabs; blank gives one field
        String[] texts = BLANKS.split(expression.trim());
        if (texts.length != fields.length) {
            return Optional.empty();
        }
        try {
            StringJoiner numeric = new StringJoiner(" ");
            for (int i = 0; i < fields.length; i++) {
                numeric.add(numericField(fields[i], texts[i]));
            }
            Cron cron = PARSER.parse(numeric.toString());
            long[] masks = new long[fields.length];
            for (int i = 0; i < fields.length; i++) {
                FieldExpression parsed = cron.retrieve(fields[i].cronUtilsName()).getExpression();
                masks[i] = fields[i].normalize(mask(fields[i], parsed));
            }
            return Optional.of(masks);
        } catch (IllegalArgumentException invalid) {
            return Optional.empty();
        }
    }

    /** @return the field with names replaced by numbers, after checking the shape of each list element */
    private static String numericField(ScheduleField field, String text) {
        String[] elements = text.split(",", -1);
        StringJoiner numeric = new StringJoiner(",");
        for (String element : elements) {
            Matcher parts = ELEMENT.matcher(element);
            if (!parts.matches()) {
                throw new IllegalArgumentException("malformed list element '" + element + "'");
            }
            boolean star = parts.group(1) != null;
            String step = parts.group(4);
            if (star && step == null && elements.length > 1) {
                throw new IllegalArgumentException("'*' combined with other list elements");
            }
            StringBuilder out = new StringBuilder(star ? "*" : number(field, parts.group(2)));
            if (parts.group(3) != null) {
                out.append('-').append(number(field, parts.group(3)));
            }
            if (step != null) {
                out.append('/').append(step);
            }
            numeric.add(out);
        }
        return numeric.toString();
    }

    private static String number(ScheduleField field, String token) {
        if (Character.isDigit(token.charAt(0))) {
            return token;
        }
        OptionalInt value = field.valueOfName(token);
        if (value.isEmpty()) {
            throw new IllegalArgumentException("'" + token + "' is no name of " + field);
        }
        return Integer.toString(value.getAsInt());
    }

    /** @return the (not yet normalized) mask of the values a cron-utils field expression selects */
    private static long mask(ScheduleField field, FieldExpression expression) {
        if (expression instanceof Always) {
            return steps(field, field.min(), field.max(), 1);
        }
        if (expression instanceof On on) {
            int value = value(on);
            return steps(field, value, value, 1);
        }
        if (expression instanceof Between between) {
            return steps(field, value(between.getFrom()), value(between.getTo()), 1);
        }
        if (expression instanceof Every every) {
            int step = every.getPeriod().getValue();
            FieldExpression start = every.getExpression();
            if (start instanceof Always) {
                return steps(field, field.min(), field.max(), step);
            }
            if (start instanceof On on) {
                return steps(field, value(on), field.max(), step);
            }
            if (start instanceof Between between) {
                return steps(field, value(between.getFrom()), value(between.getTo()), step);
            }
        }
        if (expression instanceof And and) {
            long mask = 0L;
            for (FieldExpression element : and.getExpressions()) {
                mask |= mask(field, element);
            }
            return mask;
        }
        throw new IllegalArgumentException("unsupported expression " + expression.asString());
    }

    private static int value(On on) {
        if (on.getSpecialChar().getValue() != SpecialChar.NONE) {
            throw new IllegalArgumentException("special character in " + on.asString());
        }
        return on.getTime().getValue();
    }

    private static int value(FieldValue<?> value) {
        if (value instanceof IntegerFieldValue number) {
            return number.getValue();
        }
        throw new IllegalArgumentException("not a number: " + value);
    }

    /** Re-checks bounds (cron-utils does too) so that a mask can never hold a value outside the field. */
    private static long steps(ScheduleField field, int from, int to, int step) {
        if (from < field.min() || to > field.max() || from > to || step < 1) {
            throw new IllegalArgumentException(from + "-" + to + "/" + step + " outside " + field);
        }
        return ScheduleField.steps(from, to, step);
    }
}
