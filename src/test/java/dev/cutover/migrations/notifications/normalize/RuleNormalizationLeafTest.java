package dev.cutover.migrations.notifications.normalize;

import static dev.cutover.migrations.notifications.normalize.AnomalyCode.INVALID_CRON;
import static dev.cutover.migrations.notifications.normalize.AnomalyCode.MALFORMED_RECORD;
import static dev.cutover.migrations.notifications.normalize.AnomalyCode.MISSING_FIELD;
import static dev.cutover.migrations.notifications.normalize.AnomalyCode.PRIORITY_OUT_OF_RANGE;
import static dev.cutover.migrations.notifications.normalize.AnomalyCode.UNKNOWN_CHANNEL;
import static dev.cutover.migrations.notifications.normalize.AnomalyCode.UNKNOWN_TIMEZONE;
import static dev.cutover.migrations.notifications.normalize.RuleFixtures.assertAnomaly;
import static dev.cutover.migrations.notifications.normalize.RuleFixtures.assertMigratedLeaf;
import static dev.cutover.migrations.notifications.normalize.RuleFixtures.normalize;
import static dev.cutover.migrations.notifications.normalize.RuleFixtures.parse;
import static dev.cutover.migrations.notifications.normalize.RuleFixtures.rule;
import static dev.cutover.migrations.notifications.normalize.RuleFixtures.spec;
import static dev.cutover.migrations.notifications.normalize.RuleFixtures.withRecipients;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.cutover.framework.normalize.RecordOutcome;

/** DESIGN.md §5 rules 6 (channel), 7 (priority), 8 (schedule) and 9 (timezone) on one simple leaf. */
class RuleNormalizationLeafTest {

    /** @return the outcome of a valid rule whose leaf field {@code field} is set to the JSON {@code value} */
    private static RecordOutcome withLeafField(String field, String value) {
        ObjectNode rule = rule("r-1");
        spec(rule).set(field, parse(value));
        return normalize(rule);
    }

    @Test
    void channelIsTrimmedAndLowerCased() {
        ObjectNode rule = rule("r-1");
        withRecipients(spec(rule), "  SMS\t", "+33612345678");
        assertEquals("sms", assertMigratedLeaf(normalize(rule)).channel());
    }

    @Test
    void unknownChannelIsUnknownChannel() {
        assertAnomaly(UNKNOWN_CHANNEL, "spec.channel: \"fax\" is not email, sms, webhook or pager",
                withLeafField("channel", "\"fax\""));
    }

    @Test
    void longValuesAreCutInDetails() {
        String channel = "x".repeat(100);
        assertAnomaly(UNKNOWN_CHANNEL, "spec.channel: \"" + "x".repeat(59) + "... is not email, sms, webhook or pager",
                withLeafField("channel", "\"" + channel + "\""));
    }

    @Test
    void emptyChannelIsUnknownChannel() {
        assertAnomaly(UNKNOWN_CHANNEL, withLeafField("channel", "\"  \""));
    }

    @Test
    void nullChannelIsMissingField() {
        assertAnomaly(MISSING_FIELD, "spec.channel is missing", withLeafField("channel", "null"));
    }

    @Test
    void channelOfWrongTypeIsMalformed() {
        assertAnomaly(MALFORMED_RECORD, "spec.channel: expected a string, got array", withLeafField("channel", "[\"email\"]"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "1", "5", "\"P1\"", "\"p5\"", "\" P3 \"" })
    void priorityAsIntegerOrLabelIsAccepted(String priority) {
        int expected = Integer.parseInt(priority.replaceAll("[^0-9]", ""));
        assertEquals(expected, assertMigratedLeaf(withLeafField("priority", priority)).priority());
    }

    @ParameterizedTest
    @ValueSource(strings = { "0", "6", "-1", "123456789012345678901234567890", "\"3\"", "\"P0\"", "\"P6\"",
            "\"P 1\"", "\"\"", "\"high\"" })
    void otherIntegersAndStringsArePriorityOutOfRange(String priority) {
        assertAnomaly(PRIORITY_OUT_OF_RANGE, withLeafField("priority", priority));
    }

    @Test
    void priorityOutOfRangeDetailShowsTheValue() {
        assertAnomaly(PRIORITY_OUT_OF_RANGE, "spec.priority: 7 is not 1-5 or P1-P5", withLeafField("priority", "7"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "3.5", "3.0", "3e0", "true", "{\"p\":1}", "[1]" })
    void priorityOfAnotherJsonTypeIsMalformed(String priority) {
        assertAnomaly(MALFORMED_RECORD, withLeafField("priority", priority));
    }

    @Test
    void missingPriorityIsMissingField() {
        assertAnomaly(MISSING_FIELD, "spec.priority is missing", withLeafField("priority", "null"));
    }

    @Test
    void scheduleIsCanonicalAndLegacyScheduleKeptAsWritten() {
        PolicyLeaf leaf = assertMigratedLeaf(withLeafField("schedule", "\" 0 9 * * MON-FRI \""));
        assertEquals("0 9 * * 1,2,3,4,5", leaf.schedule());
        assertEquals(" 0 9 * * MON-FRI ", leaf.legacySchedule());
    }

    @Test
    void invalidScheduleIsInvalidCron() {
        assertAnomaly(INVALID_CRON, "spec.schedule: \"@daily\" is not a valid five-field cron expression",
                withLeafField("schedule", "\"@daily\""));
    }

    @Test
    void scheduleOfWrongTypeIsMalformedAndMissingScheduleIsMissingField() {
        assertAnomaly(MALFORMED_RECORD, withLeafField("schedule", "5"));
        assertAnomaly(MISSING_FIELD, withLeafField("schedule", "null"));
    }

    @Test
    void absentOrNullTimezoneIsUtc() {
        assertEquals("UTC", assertMigratedLeaf(normalize(rule("r-1"))).timezone());
        assertEquals("UTC", assertMigratedLeaf(withLeafField("timezone", "null")).timezone());
    }

    @ParameterizedTest
    @ValueSource(strings = { "Europe/Paris", "US/Eastern", "UTC", "America/Argentina/Buenos_Aires" })
    void regionIdsAndAliasesAreKeptAsWritten(String zone) {
        assertEquals(zone, assertMigratedLeaf(withLeafField("timezone", "\"" + zone + "\"")).timezone());
    }

    @ParameterizedTest
    @ValueSource(strings = { "+02:00", "GMT+2", "europe/paris", " Europe/Paris", "Mars/Olympus", "" })
    void offsetsAndNonExactIdsAreUnknownTimezone(String zone) {
        assertAnomaly(UNKNOWN_TIMEZONE, withLeafField("timezone", "\"" + zone + "\""));
    }

    @Test
    void timezoneOfWrongTypeIsMalformed() {
        assertAnomaly(MALFORMED_RECORD, "spec.timezone: expected a string, got number 2", withLeafField("timezone", "2"));
    }
}
