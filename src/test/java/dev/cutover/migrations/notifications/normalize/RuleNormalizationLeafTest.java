package dev.cutover.migrations.notifications.normalize;

import static dev.cutover.migrations.notifications.normalize.RuleFixtures.assertMigratedLeaf;
import static dev.cutover.migrations.notifications.normalize.RuleFixtures.normalize;
import static dev.cutover.migrations.notifications.normalize.RuleFixtures.rule;
import static dev.cutover.migrations.notifications.normalize.RuleFixtures.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.cutover.framework.normalize.RecordOutcome;

/**
 * What a record's outcome holds beyond the plan report and the export, which the scenario corpus
 * checks ({@code scenarios/notification-rules-v2/normalize-*}): the legacy schedule kept beside the
 * canonical one, and the reason of a skip.
 */
class RuleNormalizationLeafTest {

    @Test
    void scheduleIsCanonicalAndLegacyScheduleKeptAsWritten() {
        ObjectNode rule = rule("r-1");
        spec(rule).put("schedule", " 0 9 * * MON-FRI ");
        PolicyLeaf leaf = assertMigratedLeaf(normalize(rule));
        assertEquals("0 9 * * 1,2,3,4,5", leaf.schedule());
        assertEquals(" 0 9 * * MON-FRI ", leaf.legacySchedule());
    }

    @Test
    void disabledRecordIsSkippedWithoutExaminingItsSpec() {
        ObjectNode rule = rule("r-1");
        rule.put("enabled", false);
        spec(rule).put("channel", "fax");
        spec(rule).remove("schedule");
        RecordOutcome outcome = normalize(rule);
        assertEquals(RecordOutcome.Kind.SKIPPED, outcome.kind());
        assertEquals("DISABLED", outcome.code());
        assertEquals("enabled is false", outcome.detail());
        assertEquals("r-1", outcome.id());
        assertNull(outcome.target());
    }
}
