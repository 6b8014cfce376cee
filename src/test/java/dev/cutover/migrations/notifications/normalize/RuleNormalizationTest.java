package dev.cutover.migrations.notifications.normalize;

import static dev.cutover.migrations.notifications.normalize.RuleFixtures.bundle;
import static dev.cutover.migrations.notifications.normalize.RuleFixtures.normalize;
import static dev.cutover.migrations.notifications.normalize.RuleFixtures.parse;
import static dev.cutover.migrations.notifications.normalize.RuleFixtures.rule;
import static dev.cutover.migrations.notifications.normalize.RuleFixtures.simple;
import static dev.cutover.migrations.notifications.normalize.RuleFixtures.spec;
import static dev.cutover.migrations.notifications.normalize.RuleFixtures.wrapped;
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

/**
 * The whole outcome of a record (DESIGN.md §5), its stored target included, on many threads. Which code
 * wins among several is the scenario {@code scenarios/notification-rules-v2/normalize-code-precedence}.
 */
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
}
