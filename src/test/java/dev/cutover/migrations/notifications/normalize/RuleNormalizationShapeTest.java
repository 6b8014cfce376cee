package dev.cutover.migrations.notifications.normalize;

import static dev.cutover.migrations.notifications.normalize.AnomalyCode.MALFORMED_RECORD;
import static dev.cutover.migrations.notifications.normalize.AnomalyCode.MISSING_FIELD;
import static dev.cutover.migrations.notifications.normalize.RuleFixtures.assertAnomaly;
import static dev.cutover.migrations.notifications.normalize.RuleFixtures.assertMigratedLeaf;
import static dev.cutover.migrations.notifications.normalize.RuleFixtures.normalize;
import static dev.cutover.migrations.notifications.normalize.RuleFixtures.rule;
import static dev.cutover.migrations.notifications.normalize.RuleFixtures.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.cutover.framework.normalize.RecordOutcome;

/** DESIGN.md §5 rules 3 (record shape) and 4 (disabled). */
class RuleNormalizationShapeTest {

    @Test
    void missingTenantIsMissingField() {
        ObjectNode rule = rule("r-1");
        rule.remove("tenant");
        assertAnomaly(MISSING_FIELD, "tenant is missing", normalize(rule));
    }

    @Test
    void tenantBlankAfterTrimmingIsMissingField() {
        ObjectNode rule = rule("r-1");
        rule.put("tenant", " \t\n ");
        assertAnomaly(MISSING_FIELD, "tenant is blank", normalize(rule));
    }

    @Test
    void tenantOfWrongTypeIsMalformed() {
        ObjectNode rule = rule("r-1");
        rule.put("tenant", 42);
        assertAnomaly(MALFORMED_RECORD, "tenant: expected a string, got number 42", normalize(rule));
    }

    @Test
    void tenantIsTrimmedButOtherwiseExact() {
        ObjectNode rule = rule("r-1");
        rule.put("tenant", "  Acme\u00C9 Corp\t");
        assertEquals("Acme\u00C9 Corp", assertMigratedLeaf(normalize(rule)).tenant());
    }

    @Test
    void enabledOfWrongTypeIsMalformed() {
        ObjectNode rule = rule("r-1");
        rule.put("enabled", "false");
        assertAnomaly(MALFORMED_RECORD, "enabled: expected a boolean, got string \"false\"", normalize(rule));
    }

    @Test
    void nullEnabledIsMissingField() {
        ObjectNode rule = rule("r-1");
        rule.putNull("enabled");
        assertAnomaly(MISSING_FIELD, "enabled is missing", normalize(rule));
    }

    @Test
    void specOfWrongTypeIsMalformed() {
        ObjectNode rule = rule("r-1");
        rule.putArray("spec");
        assertAnomaly(MALFORMED_RECORD, "spec: expected an object, got array", normalize(rule));
    }

    @Test
    void wrongTypeWinsOverMissingFieldInRecordShape() {
        ObjectNode rule = rule("r-1");
        rule.remove("tenant");
        rule.put("spec", "simple");
        assertAnomaly(MALFORMED_RECORD, "spec: expected an object, got string \"simple\"", normalize(rule));
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

    @Test
    void disabledRecordWithMissingSpecIsMissingFieldNotDisabled() {
        ObjectNode rule = rule("r-1");
        rule.put("enabled", false);
        rule.remove("spec");
        assertAnomaly(MISSING_FIELD, "spec is missing", normalize(rule));
    }

    @Test
    void disabledRecordWithBlankTenantIsMissingField() {
        ObjectNode rule = rule("r-1");
        rule.put("enabled", false);
        rule.put("tenant", "");
        assertAnomaly(MISSING_FIELD, normalize(rule));
    }

    @Test
    void unknownExtraFieldsAreIgnored() {
        ObjectNode rule = rule("r-1");
        rule.put("owner", "someone");
        spec(rule).put("comment", 12);
        assertMigratedLeaf(normalize(rule));
    }
}
