package dev.cutover.migrations.notifications.normalize;

import static dev.cutover.migrations.notifications.normalize.AnomalyCode.MALFORMED_RECORD;
import static dev.cutover.migrations.notifications.normalize.RuleFixtures.assertAnomaly;
import static dev.cutover.migrations.notifications.normalize.RuleFixtures.assertMigratedLeaf;
import static dev.cutover.migrations.notifications.normalize.RuleFixtures.normalize;
import static dev.cutover.migrations.notifications.normalize.RuleFixtures.rule;
import static dev.cutover.migrations.notifications.normalize.RuleFixtures.spec;
import static dev.cutover.migrations.notifications.normalize.RuleFixtures.wrapped;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.cutover.framework.normalize.RecordOutcome;

/**
 * A string that a rule reads and that holds U+0000 (NUL), which PostgreSQL text cannot store, is a
 * value of the wrong JSON type: MALFORMED_RECORD, decided in rule order, with a detail that shows the
 * NUL escaped.
 */
class RuleNormalizationNulTest {

    private static final String NUL_STRING = "expected a string without U+0000 (NUL), got string ";

    @Test
    void idHoldingNulIsMalformedAndTheItemIsReportedByIndex() {
        RecordOutcome outcome = normalize(rule("r\u00001"));
        assertAnomaly(MALFORMED_RECORD, "id: " + NUL_STRING + "\"r\\u00001\"", outcome);
        assertThat(outcome.id()).isNull();
        assertThat(outcome.index()).isZero();
    }

    @Test
    void disabledRuleWhoseTenantHoldsNulIsMalformedNotSkipped() {
        ObjectNode rule = rule("r-1");
        rule.put("tenant", "ac\u0000me");
        rule.put("enabled", false);
        assertAnomaly(MALFORMED_RECORD, "tenant: " + NUL_STRING + "\"ac\\u0000me\"", normalize(rule));
    }

    @Test
    void recipientHoldingNulIsMalformedNotInvalid() {
        ObjectNode rule = rule("r-1");
        spec(rule).putArray("recipients").add("ops@example.com").add("x\u0000@example.com");
        assertAnomaly(MALFORMED_RECORD, "spec.recipients[1]: " + NUL_STRING + "\"x\\u0000@example.com\"",
                normalize(rule));
    }

    @Test
    void channelHoldingNulIsMalformedNotUnknown() {
        ObjectNode rule = rule("r-1");
        spec(rule).put("channel", "email\u0000");
        assertAnomaly(MALFORMED_RECORD, "spec.channel: " + NUL_STRING + "\"email\\u0000\"", normalize(rule));
    }

    @Test
    void priorityStringHoldingNulIsMalformedNotOutOfRange() {
        ObjectNode rule = rule("r-1");
        spec(rule).put("priority", "P1\u0000");
        assertAnomaly(MALFORMED_RECORD,
                "spec.priority: expected an integer or a string without U+0000 (NUL), got string \"P1\\u0000\"",
                normalize(rule));
    }

    @Test
    void scheduleTimezoneKindAndLabelHoldingNulAreMalformed() {
        for (String field : new String[] { "schedule", "timezone", "kind" }) {
            ObjectNode rule = rule("r-1");
            spec(rule).put(field, "\u0000");
            assertAnomaly(MALFORMED_RECORD, "spec." + field + ": " + NUL_STRING + "\"\\u0000\"", normalize(rule));
        }
        ObjectNode rule = rule("r-1");
        ObjectNode labelled = wrapped(spec(rule));
        labelled.put("label", "team\u0000a");
        rule.set("spec", labelled);
        assertAnomaly(MALFORMED_RECORD, "spec.label: " + NUL_STRING + "\"team\\u0000a\"", normalize(rule));
    }

    @Test
    void nulInAFieldNoRuleReadsChangesNothing() {
        ObjectNode rule = rule("r-1");
        rule.put("comment", "legacy\u0000note");
        spec(rule).put("owner", "\u0000");
        assertMigratedLeaf(normalize(rule));
    }
}
