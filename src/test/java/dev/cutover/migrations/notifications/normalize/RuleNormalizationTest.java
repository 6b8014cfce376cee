package dev.cutover.migrations.notifications.normalize;

import static dev.cutover.migrations.notifications.normalize.AnomalyCode.EMPTY_BUNDLE;
import static dev.cutover.migrations.notifications.normalize.AnomalyCode.INVALID_CRON;
import static dev.cutover.migrations.notifications.normalize.AnomalyCode.INVALID_RECIPIENT;
import static dev.cutover.migrations.notifications.normalize.AnomalyCode.MALFORMED_RECORD;
import static dev.cutover.migrations.notifications.normalize.AnomalyCode.MISSING_FIELD;
import static dev.cutover.migrations.notifications.normalize.AnomalyCode.NO_RECIPIENTS;
import static dev.cutover.migrations.notifications.normalize.AnomalyCode.PRIORITY_OUT_OF_RANGE;
import static dev.cutover.migrations.notifications.normalize.AnomalyCode.UNKNOWN_CHANNEL;
import static dev.cutover.migrations.notifications.normalize.AnomalyCode.UNKNOWN_TIMEZONE;
import static dev.cutover.migrations.notifications.normalize.AnomalyCode.WRAPPER_TOO_DEEP;
import static dev.cutover.migrations.notifications.normalize.RuleFixtures.assertAnomaly;
import static dev.cutover.migrations.notifications.normalize.RuleFixtures.bundle;
import static dev.cutover.migrations.notifications.normalize.RuleFixtures.normalize;
import static dev.cutover.migrations.notifications.normalize.RuleFixtures.parse;
import static dev.cutover.migrations.notifications.normalize.RuleFixtures.rule;
import static dev.cutover.migrations.notifications.normalize.RuleFixtures.simple;
import static dev.cutover.migrations.notifications.normalize.RuleFixtures.spec;
import static dev.cutover.migrations.notifications.normalize.RuleFixtures.wrapped;
import static dev.cutover.migrations.notifications.normalize.RuleFixtures.wrappedTimes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.cutover.framework.normalize.RecordOutcome;

/** The whole outcome of a record (DESIGN.md §5) and the order that picks one code among several. */
class RuleNormalizationTest {

    @Test
    void validRecordIsMigratedWithOneNormalizedLeafPerSimpleLeaf() throws Exception {
        ObjectNode rule = (ObjectNode) parse("""
                {"id": "r-7", "tenant": " acme ", "version": 4, "enabled": true,
                 "spec": {"kind": "bundle", "items": [
                   {"kind": "simple", "channel": " Email", "priority": "p2", "schedule": "0 9 * * MON-FRI",
                    "timezone": "Europe/Paris", "recipients": ["B@x.io", "a@x.io", "b@x.io"]},
                   {"kind": "wrapped", "label": "night", "inner":
                     {"kind": "simple", "channel": "sms", "priority": 5, "schedule": "*/15 * * * *",
                      "recipients": ["+33 6 12-34.56.78"]}}]}}
                """);
        RecordOutcome outcome = normalize(rule);
        assertEquals(RecordOutcome.Kind.MIGRATED, outcome.kind());
        assertEquals("eu-1", outcome.source());
        assertEquals("r-7", outcome.id());
        assertNull(outcome.index());
        assertEquals(parse("""
                [{"tenant": "acme", "channel": "email", "priority": 2, "schedule": "0 9 * * 1,2,3,4,5",
                  "legacySchedule": "0 9 * * MON-FRI", "timezone": "Europe/Paris", "recipients": ["a@x.io", "b@x.io"]},
                 {"tenant": "acme", "channel": "sms", "priority": 5, "schedule": "0,15,30,45 * * * *",
                  "legacySchedule": "*/15 * * * *", "timezone": "UTC", "recipients": ["+33612345678"]}]
                """), outcome.target());
        // plain Jackson data binding reads the target as PolicyLeaf records
        PolicyLeaf[] bound = RuleFixtures.JSON.treeToValue(outcome.target(), PolicyLeaf[].class);
        assertArrayEquals(RuleFixtures.leaves(outcome.target()).toArray(), bound);
    }

    @Test
    void sameInputGivesTheSameOutcomeOnManyThreads() throws Exception {
        ObjectNode rule = rule("r-1");
        rule.set("spec", bundle(simple(), wrapped(simple())));
        ObjectNode broken = rule("r-2");
        spec(broken).put("channel", "fax");
        RecordOutcome expectedMigrated = normalize(rule);
        RecordOutcome expectedAnomaly = normalize(broken);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                results.add(pool.submit(() -> normalize(rule).equals(expectedMigrated)
                        && normalize(broken).equals(expectedAnomaly)));
            }
            for (Future<Boolean> result : results) {
                assertEquals(true, result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // --- precedence: after rules 1-4, the first code in the order list of §5 wins

    /** @return a rule whose one leaf has every leaf-level problem that the arguments switch on */
    private static ObjectNode leafWith(boolean malformed, boolean missing, boolean channel, boolean priority,
            boolean cron, boolean timezone, boolean empty, boolean recipient) {
        ObjectNode rule = rule("r-1");
        ObjectNode leaf = spec(rule);
        if (malformed) {
            leaf.put("priority", 2.5);
        } else if (priority) {
            leaf.put("priority", 9);
        }
        if (missing) {
            leaf.remove("schedule");
        } else if (cron) {
            leaf.put("schedule", "61 * * * *");
        }
        if (channel) {
            leaf.put("channel", "fax");
        }
        if (timezone) {
            leaf.put("timezone", "Nowhere/City");
        }
        if (empty) {
            leaf.putArray("recipients");
        } else if (recipient) {
            leaf.putArray("recipients").add("not-an-email");
        }
        return rule;
    }

    @Test
    void malformedWinsOverEveryOtherSpecProblem() {
        assertAnomaly(MALFORMED_RECORD, normalize(leafWith(true, true, true, false, false, true, true, false)));
    }

    @Test
    void missingFieldWinsOverUnknownChannel() {
        assertAnomaly(MISSING_FIELD, normalize(leafWith(false, true, true, true, false, true, true, false)));
    }

    @Test
    void unknownChannelWinsOverPriorityOutOfRangeAndNoRecipients() {
        assertAnomaly(UNKNOWN_CHANNEL, normalize(leafWith(false, false, true, true, true, true, true, false)));
    }

    @Test
    void priorityOutOfRangeWinsOverInvalidCron() {
        assertAnomaly(PRIORITY_OUT_OF_RANGE, normalize(leafWith(false, false, false, true, true, true, false, true)));
    }

    @Test
    void invalidCronWinsOverUnknownTimezoneAndNoRecipients() {
        assertAnomaly(INVALID_CRON, normalize(leafWith(false, false, false, false, true, true, true, false)));
    }

    @Test
    void invalidCronWinsOverNoRecipients() {
        assertAnomaly(INVALID_CRON, normalize(leafWith(false, false, false, false, true, false, true, false)));
    }

    @Test
    void unknownTimezoneWinsOverInvalidRecipient() {
        assertAnomaly(UNKNOWN_TIMEZONE, normalize(leafWith(false, false, false, false, false, true, false, true)));
    }

    @Test
    void noRecipientsInOneLeafWinsOverInvalidRecipientInAnEarlierLeaf() {
        ObjectNode rule = rule("r-1");
        ObjectNode invalid = simple();
        invalid.putArray("recipients").add("nobody");
        ObjectNode empty = simple();
        empty.putArray("recipients");
        rule.set("spec", bundle(invalid, empty));
        assertAnomaly(NO_RECIPIENTS, "spec.items[1].recipients: no recipients", normalize(rule));
    }

    @Test
    void invalidRecipientWinsOverWrapperTooDeep() {
        ObjectNode rule = rule("r-1");
        ObjectNode invalid = simple();
        invalid.putArray("recipients").add("nobody");
        rule.set("spec", wrappedTimes(17, invalid));
        assertAnomaly(INVALID_RECIPIENT, normalize(rule));
    }

    @Test
    void wrapperTooDeepInOneBranchWinsOverEmptyBundleInAnother() {
        ObjectNode rule = rule("r-1");
        rule.set("spec", bundle(bundle(), wrappedTimes(17, simple())));
        assertAnomaly(WRAPPER_TOO_DEEP, normalize(rule));
    }

    @Test
    void problemsAcrossLeavesAreComparedNotJustTheFirstLeaf() {
        ObjectNode rule = rule("r-1");
        ObjectNode timezone = simple();
        timezone.put("timezone", "GMT+2");
        ObjectNode malformed = simple();
        malformed.put("priority", true);
        rule.set("spec", bundle(timezone, bundle(), wrapped(malformed)));
        assertAnomaly(MALFORMED_RECORD, "spec.items[2].inner.priority: expected an integer or a string, got boolean true",
                normalize(rule));
    }

    @Test
    void emptyBundleIsTheLastSpecCode() {
        ObjectNode rule = rule("r-1");
        rule.set("spec", bundle(bundle(), simple()));
        assertAnomaly(EMPTY_BUNDLE, normalize(rule));
    }
}
