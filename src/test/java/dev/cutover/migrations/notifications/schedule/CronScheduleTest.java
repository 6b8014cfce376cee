package dev.cutover.migrations.notifications.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** DESIGN.md §5 rule 8: which expressions are valid, their canonical form, and which times they match. */
class CronScheduleTest {

    private static String canonical(String expression) {
        Optional<CronSchedule> schedule = CronSchedule.parse(expression);
        assertTrue(schedule.isPresent(), () -> "expected valid: [" + expression + "]");
        return schedule.get().canonical();
    }

    private static void assertCanonical(String expression, String expected) {
        assertEquals(expected, canonical(expression), () -> "canonical form of [" + expression + "]");
    }

    private static void assertInvalid(String expression) {
        assertEquals(Optional.empty(), CronSchedule.parse(expression), () -> "expected invalid: [" + expression + "]");
    }

    private static CronSchedule schedule(String expression) {
        return CronSchedule.parse(expression).orElseThrow();
    }

    // ---- canonical form ----------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "0 9 * * MON-FRI | 0 9 * * 1,2,3,4,5",
        "*/15 * * * *    | 0,15,30,45 * * * *",
        "0 9 1-31 * 1-5  | 0 9 * * 1,2,3,4,5" })
    void designExamplesHaveTheirDocumentedCanonicalForm(String expression, String expected) {
        assertCanonical(expression, expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "0-4 * * * *        | 0,1,2,3,4 * * * *",
        "5-5 * * * *        | 5 * * * *",
        "0 8-11 * * *       | 0 8,9,10,11 * * *",
        "0 0 10-12 * *      | 0 0 10,11,12 * *",
        "0 0 1 6-8 *        | 0 0 1 6,7,8 *",
        "0 0 * * 2-4        | 0 0 * * 2,3,4",
        "30,5,5,10-12 * * * * | 5,10,11,12,30 * * * *",
        "*/20,5 * * * *     | 0,5,20,40 * * * *" })
    void rangesAndListsBecomeSortedDistinctValues(String expression, String expected) {
        assertCanonical(expression, expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "5/20 * * * *       | 5,25,45 * * * *",
        "10-30/10 * * * *   | 10,20,30 * * * *",
        "58/15 * * * *      | 58 * * * *",
        "0 */6 * * *        | 0 0,6,12,18 * * *",
        "0 20/2 * * *       | 0 20,22 * * *",
        "0 1-10/4 * * *     | 0 1,5,9 * * *",
        "0 0 */10 * *       | 0 0 1,11,21,31 * *",
        "0 0 25/3 * *       | 0 0 25,28,31 * *",
        "0 0 1-10/3 * *     | 0 0 1,4,7,10 * *",
        "0 0 1 */3 *        | 0 0 1 1,4,7,10 *",
        "0 0 1 11/1 *       | 0 0 1 11,12 *",
        "0 0 1 1-6/2 *      | 0 0 1 1,3,5 *",
        "0 0 * * */2        | 0 0 * * 0,2,4,6",
        "0 0 * * */3        | 0 0 * * 0,3,6",
        "0 0 * * */7        | 0 0 * * 0",
        "0 0 * * 1-5/2      | 0 0 * * 1,3,5" })
    void stepsRunFromTheStartToTheEndOfTheRangeOrField(String expression, String expected) {
        assertCanonical(expression, expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "0 0 * * 1/2 | 0 0 * * 0,1,3,5",
        "0 0 * * 1/3 | 0 0 * * 0,1,4",
        "0 0 * * 5/1 | 0 0 * * 0,5,6",
        "0 0 * * 7/1 | 0 0 * * 0",
        "0 0 * * 0/2 | 0 0 * * 0,2,4,6" })
    void dayOfWeekStepsRunToSevenWhichIsSunday(String expression, String expected) {
        assertCanonical(expression, expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "0 9 * * 7      | 0 9 * * 0",
        "0 9 * * 0,7    | 0 9 * * 0",
        "0 9 * * 6,7    | 0 9 * * 0,6",
        "0 9 * * 5-7    | 0 9 * * 0,5,6",
        "0 9 * * 7-7    | 0 9 * * 0",
        "0 9 * * SAT-7  | 0 9 * * 0,6",
        "0 9 * * SUN    | 0 9 * * 0" })
    void sevenIsSundayAndIsWrittenAsZero(String expression, String expected) {
        assertCanonical(expression, expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "0 9 * jan-Mar *       | 0 9 * 1,2,3 *",
        "0 9 * JAN,mar,Dec *   | 0 9 * 1,3,12 *",
        "0 9 * * mon,WED,fRi   | 0 9 * * 1,3,5",
        "0 9 * * tue-THU       | 0 9 * * 2,3,4",
        "0 9 * * sat           | 0 9 * * 6",
        "0 9 * FEB/5 *         | 0 9 * 2,7,12 *",
        "0 9 * Jan-Jun/2 *     | 0 9 * 1,3,5 *",
        "0 9 * * MON/3         | 0 9 * * 0,1,4",
        "0 9 * * MON-FRI/2     | 0 9 * * 1,3,5",
        "0 9 * MAR,6-AUG *     | 0 9 * 3,6,7,8 *" })
    void namesAreCaseInsensitiveAndWorkInRangesListsAndSteps(String expression, String expected) {
        assertCanonical(expression, expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "00 09 01 01 00   | 0 9 1 1 0",
        "007 09 * * *     | 7 9 * * *",
        "01-03 * * * *    | 1,2,3 * * * *",
        "*/05 * * * *     | 0,5,10,15,20,25,30,35,40,45,50,55 * * * *",
        "0 0 * * 07       | 0 0 * * 0" })
    void leadingZerosAreAllowedAndDropped(String expression, String expected) {
        assertCanonical(expression, expected);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "* * * * *",
        "0-59 0-23 1-31 1-12 0-6",
        "*/1 */1 */1 */1 */1",
        "0/1 0/1 1/1 1/1 0/1",
        "0-29,30-59 0-11,12-23 1-15,16-31 JAN-JUN,JUL-DEC SUN-WED,THU-SAT",
        "* * * JAN-DEC 0-7",
        "* * * * 1-7",
        "* * * * SUN-SAT",
        "* * * * 1-6,0" })
    void aFieldCoveringItsWholeRangeIsStar(String expression) {
        assertCanonical(expression, "* * * * *");
    }

    @Test
    void eachFieldBecomesStarOnItsOwn() {
        assertCanonical("0-59 1 1 1 1", "* 1 1 1 1");
        assertCanonical("1 0-23 1 1 1", "1 * 1 1 1");
        assertCanonical("1 1 1-31 1 1", "1 1 * 1 1");
        assertCanonical("1 1 1 1-12 1", "1 1 1 * 1");
        assertCanonical("1 1 1 1 0-7", "1 1 1 1 *");
    }

    @Test
    void tabsAndRepeatedBlanksSeparateFieldsAndOuterBlanksAreIgnored() {
        assertCanonical("0\t9\t*\t*\t*", "0 9 * * *");
        assertCanonical(" \t 0  9 *\t\t* *  \t", "0 9 * * *");
        assertCanonical("   */15 * * * *", "0,15,30,45 * * * *");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "0 9 * * MON-FRI", "0,15,30,45 * * * *", "5,10,11 0 1,15 1,7 0,6", "* * * * *", "59 23 31 12 6" })
    void theCanonicalFormIsItsOwnCanonicalForm(String canonical) {
        String once = canonical(canonical);
        assertEquals(once, canonical(once));
    }

    @Test
    void schedulesWithTheSameCanonicalFormAreEqual() {
        CronSchedule named = schedule("0 9 * * MON-FRI");
        CronSchedule numeric = schedule(" 00\t09 1-31 JAN-DEC 1-5 ");
        assertEquals(named, numeric);
        assertEquals(named.hashCode(), numeric.hashCode());
        assertEquals("0 9 * * 1,2,3,4,5", named.toString());
        assertNotEquals(named, schedule("0 9 * * MON-SAT"));
    }

    // ---- invalid expressions -----------------------------------------------------------------------------------

    @ParameterizedTest(name = "[{0}]")
    @NullAndEmptySource
    @ValueSource(strings = { " ", "\t", "  \t  " })
    void nullOrBlankIsInvalid(String expression) {
        assertInvalid(expression);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = { "0 0 9 * * *", "0 9 * *", "0", "0 9 * * * 2024" })
    void anythingButFiveFieldsIsInvalid(String expression) {
        assertInvalid(expression);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {
        "0 9 ? * *", "0 9 * * ?", "0 9 L * *", "0 9 * * 5L", "0 9 LW * *", "0 9 15W * *", "0 9 W * *",
        "0 9 * * 1#2", "@daily", "@hourly", "@reboot", "0 9 * * * || 0 10 * * *" })
    void specialCharactersAndNicknamesAreInvalid(String expression) {
        assertInvalid(expression);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {
        "0 9 * * FRI-MON", "0 9 * * SAT-SUN", "0 9 * * MON-SUN", "0 9 * * 5-1", "0 9 * * 7-1",
        "0 9 * DEC-JAN *", "0 9 * 12-1 *", "10-5 * * * *", "0 23-1 * * *", "0 9 31-1 * *", "0 9 * * SAT-SUN/2" })
    void wrapAroundRangesAreInvalid(String expression) {
        assertInvalid(expression);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {
        "60 * * * *", "0-60 * * * *", "60/5 * * * *", "* 24 * * *", "* 20-24 * * *", "* * 0 * *", "* * 32 * *",
        "* * 0-5 * *", "* * * 0 *", "* * * 13 *", "* * * 1-13 *", "* * * * 8", "* * * * 0-8",
        "99999999999 * * * *" })
    void valuesOutOfRangeAreInvalid(String expression) {
        assertInvalid(expression);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {
        "*/0 * * * *", "5/0 * * * *", "1-5/0 * * * *", "* */0 * * *", "* * */0 * *", "* * * 1/0 *", "* * * * 1-5/0",
        "*/00 * * * *" })
    void stepZeroIsInvalid(String expression) {
        assertInvalid(expression);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = { "*/60 * * * *", "* */24 * * *", "* * */32 * *", "* * * */13 *", "* * * * */8" })
    void stepsLargerThanTheFieldMaximumAreInvalid(String expression) {
        assertInvalid(expression);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = { "1,,2 * * * *", "1, * * * *", ",1 * * * *", "* * * * MON,", "* * * * ," })
    void emptyListElementsAreInvalid(String expression) {
        assertInvalid(expression);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = { "*,5 * * * *", "5,* * * * *", "*,* * * * *", "*,*/5 * * * *", "* * * * MON,*" })
    void starCombinedWithOtherListElementsIsInvalid(String expression) {
        assertInvalid(expression);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {
        "0 9 * *\n*", "0\n9 * * * *", "0 9 * * *\n", "\n0 9 * * *", "0 9 * * *\r\n", "0\r9 * * * *",
        "0\u000B9 * * * *", "0\f9 * * * *", "0\u00A09 * * * *", "0\u20039 * * * *" })
    void whitespaceOtherThanSpaceAndTabIsInvalid(String expression) {
        assertInvalid(expression);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {
        "* * * JAN-DEC *x", "0 9 * * MONDAY", "0 9 * * MO", "0 9 * JANUARY *", "0 9 * MON *", "0 9 * * JAN",
        "JAN * * * *", "0 MON * * *", "0 9 JAN * *", "0 9 * * */MON", "0 9 * */FEB *", "0 9 * * MON/TUE" })
    void unknownOrMisplacedNamesAreInvalid(String expression) {
        assertInvalid(expression);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {
        "+1 * * * *", "-1 * * * *", "/5 * * * *", "5/ * * * *", "1- * * * *", "- * * * *", "1-5-7 * * * *",
        "*/2/3 * * * *", "1-5/2/3 * * * *", "** * * * *", "*5 * * * *", "5* * * * *", "*-5 * * * *",
        "5/* * * * *", "*/* * * * *", "1.5 * * * *", "a * * * *", "\u0665 * * * *", "0 9 * * 1;2",
        "0 9 * * [1]", "0 9 * * 1 ;" })
    void otherSyntaxIsInvalid(String expression) {
        assertInvalid(expression);
    }

    // ---- matching ----------------------------------------------------------------------------------------------

    private static void assertMatches(String expression, LocalDateTime local, boolean expected, String why) {
        assertEquals(expected, schedule(expression).matches(local), () -> expression + " at " + local + ": " + why);
    }

    @ParameterizedTest(name = "{0} at {1}: {2} ({3})")
    @CsvSource(delimiter = '|', value = {
        "0 9 * * MON-FRI | 2024-01-01T09:00 | true  | Monday",
        "0 9 * * MON-FRI | 2024-01-05T09:00 | true  | Friday",
        "0 9 * * MON-FRI | 2024-01-06T09:00 | false | Saturday",
        "0 9 * * MON-FRI | 2024-01-07T09:00 | false | Sunday",
        "0 9 * * MON-FRI | 2024-01-01T09:01 | false | other minute",
        "0 9 * * MON-FRI | 2024-01-01T10:00 | false | other hour" })
    void weekdayScheduleMatchesWeekdaysAtItsMinuteOnly(String expression, LocalDateTime local, boolean expected,
            String why) {
        assertMatches(expression, local, expected, why);
    }

    @ParameterizedTest(name = "{0} at {1}: {2} ({3})")
    @CsvSource(delimiter = '|', value = {
        "0 9 * * MON-FRI | 2024-01-01T09:00:59.999999999 | true | last nanosecond of the minute",
        "0 9 * * MON-FRI | 2024-01-01T09:00:01           | true | one second in" })
    void secondsAndNanosecondsAreIgnored(String expression, LocalDateTime local, boolean expected, String why) {
        assertMatches(expression, local, expected, why);
    }

    @ParameterizedTest(name = "{0} at {1}: {2} ({3})")
    @CsvSource(delimiter = '|', value = {
        "0 0 13 * FRI | 2024-01-05T00:00 | true  | a Friday, not the 13th",
        "0 0 13 * FRI | 2024-01-13T00:00 | true  | the 13th, a Saturday",
        "0 0 13 * FRI | 2024-09-13T00:00 | true  | Friday the 13th",
        "0 0 13 * FRI | 2024-01-11T00:00 | false | the 11th, a Thursday" })
    void whenBothDayFieldsAreRestrictedEitherMayMatch(String expression, LocalDateTime local, boolean expected,
            String why) {
        assertMatches(expression, local, expected, why);
    }

    @ParameterizedTest(name = "{0} at {1}: {2} ({3})")
    @CsvSource(delimiter = '|', value = {
        "0 0 13 * *     | 2024-01-13T00:00 | true  | the 13th",
        "0 0 13 * *     | 2024-01-05T00:00 | false | a Friday, not the 13th",
        "0 0 * * FRI    | 2024-01-05T00:00 | true  | a Friday",
        "0 0 * * FRI    | 2024-01-13T00:00 | false | the 13th, a Saturday",
        "0 9 1-31 * 1-5 | 2024-01-06T09:00 | false | Saturday: 1-31 is *, so day of week decides",
        "0 9 1-31 * 1-5 | 2024-01-08T09:00 | true  | Monday",
        "0 0 13 * 0-7   | 2024-01-12T00:00 | false | the 12th: 0-7 is *, so day of month decides",
        "0 0 13 * 0-7   | 2024-01-13T00:00 | true  | the 13th" })
    void whenOneDayFieldIsStarInCanonicalFormTheOtherAloneDecides(String expression, LocalDateTime local,
            boolean expected, String why) {
        assertMatches(expression, local, expected, why);
    }

    @ParameterizedTest(name = "{0} at {1}: {2} ({3})")
    @CsvSource(delimiter = '|', value = {
        "0 0 * * 7 | 2024-01-07T00:00 | true  | Sunday",
        "0 0 * * 7 | 2024-01-08T00:00 | false | Monday",
        "0 0 * * 7 | 2024-01-06T00:00 | false | Saturday" })
    void sevenMatchesSunday(String expression, LocalDateTime local, boolean expected, String why) {
        assertMatches(expression, local, expected, why);
    }

    @ParameterizedTest(name = "{0} at {1}: {2} ({3})")
    @CsvSource(delimiter = '|', value = {
        "0 0 1 JAN,JUL *  | 2024-01-01T00:00 | true  | January",
        "0 0 1 JAN,JUL *  | 2024-07-01T00:00 | true  | July",
        "0 0 1 JAN,JUL *  | 2024-06-01T00:00 | false | June",
        "*/15 9-17 * * *  | 2024-03-10T09:00 | true  | first hour, minute 0",
        "*/15 9-17 * * *  | 2024-03-10T17:30 | true  | last hour, minute 30",
        "*/15 9-17 * * *  | 2024-03-10T09:44 | false | minute off the step",
        "*/15 9-17 * * *  | 2024-03-10T08:45 | false | hour before the range",
        "*/15 9-17 * * *  | 2024-03-10T18:00 | false | hour after the range" })
    void monthHourAndMinuteMustMatch(String expression, LocalDateTime local, boolean expected, String why) {
        assertMatches(expression, local, expected, why);
    }

    @ParameterizedTest(name = "{0}: {1} times in 2024")
    @CsvSource(delimiter = '|', value = {
        "* * * * *        | 527040",
        "0 9 * * MON-FRI  | 262",
        "0 0 29 2 *       | 1",
        "0 0 31 * *       | 7" })
    void countsOfMatchesOverAWholeYearAreExact(String expression, int expected) {
        CronSchedule schedule = schedule(expression);
        int matched = 0;
        for (LocalDateTime minute = at("2024-01-01T00:00"); minute.getYear() == 2024; minute = minute.plusMinutes(1)) {
            matched += schedule.matches(minute) ? 1 : 0;
        }
        assertEquals(expected, matched);
    }

    @Test
    void aRepeatedSpellingIsReadOnceAndEachCallerGetsTheSameSchedule() {
        // a million rules spell a few hundred schedules: each spelling is read once
        assertSame(schedule("0 9 * * MON-FRI"), schedule("0 9 * * MON-FRI"));
        assertEquals(Optional.empty(), CronSchedule.parse("0 9 * * SAT-SUN"));
        assertEquals(Optional.empty(), CronSchedule.parse("0 9 * * SAT-SUN"));
    }

    @Test
    void aSpellingLongerThanAScheduleNeedsIsReadEveryTimeAndNeverKept() {
        // hostile legacy data: 10,000 spellings of a megabyte each, kept, would be 20 GB of heap
        String listed = "0 9 * * " + "1,".repeat(50_000) + "1";
        String invalid = "x".repeat(100_000);
        assertEquals("0 9 * * 1", canonical(listed));
        assertInvalid(invalid);
        assertFalse(CronSchedule.kept(listed));
        assertFalse(CronSchedule.kept(invalid));
        assertTrue(CronSchedule.kept("0 9 * * MON-FRI"));
    }

    private static LocalDateTime at(String isoLocal) {
        return LocalDateTime.parse(isoLocal);
    }
}
