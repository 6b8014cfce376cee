package dev.cutover.migrations.notifications.normalize;

import static dev.cutover.migrations.notifications.normalize.AnomalyCode.DUPLICATE_ID;
import static dev.cutover.migrations.notifications.normalize.AnomalyCode.MALFORMED_RECORD;
import static dev.cutover.migrations.notifications.normalize.AnomalyCode.MISSING_FIELD;
import static dev.cutover.migrations.notifications.normalize.RuleFixtures.assertAnomaly;
import static dev.cutover.migrations.notifications.normalize.RuleFixtures.assertMigratedLeaf;
import static dev.cutover.migrations.notifications.normalize.RuleFixtures.normalize;
import static dev.cutover.migrations.notifications.normalize.RuleFixtures.normalizeTexts;
import static dev.cutover.migrations.notifications.normalize.RuleFixtures.rule;
import static dev.cutover.migrations.notifications.normalize.RuleFixtures.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.cutover.framework.migration.RawItem;
import dev.cutover.framework.normalize.RecordOutcome;

/** DESIGN.md §5 rules 1 (identity) and 2 (duplicates). */
class RuleNormalizationIdentityTest {

    @Test
    void itemThatIsNotAnObjectIsMalformedAndReportedByIndex() {
        RecordOutcome outcome = normalizeTexts("[1, 2]");
        assertAnomaly(MALFORMED_RECORD, "item: expected an object, got array", outcome);
        assertEquals(RuleFixtures.SOURCE, outcome.source());
        assertNull(outcome.id());
        assertEquals(0, outcome.index());
    }

    @Test
    void itemWithMissingIdIsMissingFieldWithNullIdAndItsIndex() {
        ObjectNode rule = rule("r-1");
        rule.remove("id");
        RecordOutcome outcome = RuleFixtures.normalizeItems(List.of(new RawItem("eu-1", 41, null, rule.toString())));
        assertAnomaly(MISSING_FIELD, "id is missing", outcome);
        assertNull(outcome.id());
        assertEquals(41, outcome.index());
    }

    @Test
    void nullIdCountsAsMissing() {
        ObjectNode rule = rule("r-1");
        rule.putNull("id");
        assertAnomaly(MISSING_FIELD, "id is missing", normalize(rule));
    }

    @Test
    void idOfWrongTypeIsMalformed() {
        ObjectNode rule = rule("r-1");
        rule.put("id", 7);
        RecordOutcome outcome = normalize(rule);
        assertAnomaly(MALFORMED_RECORD, "id: expected a string, got number 7", outcome);
        assertNull(outcome.id());
        assertEquals(0, outcome.index());
    }

    @Test
    void wrongTypeVersionBesideMissingIdIsMalformed() {
        ObjectNode rule = rule("r-1");
        rule.remove("id");
        rule.put("version", "3");
        assertAnomaly(MALFORMED_RECORD, "version: expected an integer, got string \"3\"", normalize(rule));
    }

    @Test
    void missingVersionIsMissingFieldReportedById() {
        ObjectNode rule = rule("r-1");
        rule.remove("version");
        RecordOutcome outcome = normalize(rule);
        assertAnomaly(MISSING_FIELD, "version is missing", outcome);
        assertEquals("r-1", outcome.id());
        assertNull(outcome.index());
    }

    @Test
    void fractionalVersionIsMalformed() {
        ObjectNode rule = rule("r-1");
        rule.put("version", 2.0);
        assertAnomaly(MALFORMED_RECORD, normalize(rule));
    }

    @Test
    void invalidJsonTextIsMalformed() {
        assertAnomaly(MALFORMED_RECORD, "item is not valid JSON", normalizeTexts("{\"id\": "));
    }

    @Test
    void emptyItemTextIsMalformed() {
        assertAnomaly(MALFORMED_RECORD, "item: expected an object, got nothing", normalizeTexts(""));
    }

    @Test
    void itemWithTrailingContentIsMalformed() {
        assertAnomaly(MALFORMED_RECORD, "item is not valid JSON", normalizeTexts(rule("r-1") + " {}"));
    }

    @Test
    void supersededCopyWithMissingVersionStillMakesTheRecordMissingField() {
        ObjectNode old = rule("r-1");
        old.remove("version");
        ObjectNode current = rule("r-1");
        current.put("version", 2);
        assertAnomaly(MISSING_FIELD, "one of 2 copies: version is missing", normalize(old, current));
    }

    @Test
    void malformedCopyWinsOverMissingVersionInAnotherCopy() {
        ObjectNode missing = rule("r-1");
        missing.remove("version");
        ObjectNode malformed = rule("r-1");
        malformed.put("version", true);
        assertAnomaly(MALFORMED_RECORD, normalize(missing, malformed));
    }

    @Test
    void highestVersionStandsAndSupersededCopiesAreIgnored() {
        ObjectNode v3 = rule("r-1");
        v3.put("version", 3);
        spec(v3).put("priority", 3);
        ObjectNode v1 = rule("r-1");
        spec(v1).put("channel", "fax"); // would be an anomaly if it stood
        ObjectNode v2 = rule("r-1");
        v2.put("version", 2);
        RecordOutcome outcome = normalize(v1, v3, v2);
        assertEquals("r-1", outcome.id());
        assertNull(outcome.index());
        assertEquals(3, assertMigratedLeaf(outcome).priority());
    }

    @Test
    void hugeVersionsAreRankedExactly() {
        ObjectNode low = rule("r-1");
        low.put("version", new java.math.BigInteger("18446744073709551616"));
        spec(low).put("channel", "fax");
        ObjectNode high = rule("r-1");
        high.put("version", new java.math.BigInteger("18446744073709551617"));
        assertMigratedLeaf(normalize(high, low));
    }

    @Test
    void identicalCopiesAtHighestVersionAreOneRecordWhateverTheKeyOrder() {
        String a = "{\"id\":\"r-1\",\"tenant\":\"acme\",\"version\":2,\"enabled\":true,\"spec\":"
                + "{\"kind\":\"simple\",\"channel\":\"sms\",\"priority\":2,\"schedule\":\"0 9 * * *\","
                + "\"recipients\":[\"+33612345678\"]}}";
        String b = "{\"spec\":{\"recipients\":[\"+33612345678\"],\"schedule\":\"0 9 * * *\",\"priority\":2,"
                + "\"channel\":\"sms\",\"kind\":\"simple\"},\"enabled\":true,\"version\":2,\"tenant\":\"acme\","
                + "\"id\":\"r-1\"}";
        assertEquals("sms", assertMigratedLeaf(normalizeTexts(a, b)).channel());
    }

    @Test
    void differentCopiesAtHighestVersionAreDuplicateId() {
        ObjectNode a = rule("r-1");
        a.put("version", 3);
        ObjectNode b = a.deepCopy();
        spec(b).put("priority", 2);
        ObjectNode older = rule("r-1");
        assertAnomaly(DUPLICATE_ID, "2 different copies at version 3", normalize(older, a, b, a));
    }

    @Test
    void duplicateIdWinsOverEverythingAfterRuleOne() {
        ObjectNode a = rule("r-1");
        a.remove("tenant");
        spec(a).put("channel", "fax");
        ObjectNode b = rule("r-1");
        b.put("enabled", false);
        assertAnomaly(DUPLICATE_ID, normalize(a, b));
    }

    @Test
    void ruleOneWinsOverDuplicateId() {
        ObjectNode a = rule("r-1");
        ObjectNode b = rule("r-1");
        spec(b).put("priority", 2);
        ObjectNode c = rule("r-1");
        c.put("version", "1");
        assertAnomaly(MALFORMED_RECORD, normalize(a, b, c));
    }

    @Test
    void copiesThatDifferOnlyByOneAndOnePointZeroAreOneRecordAndTheFirstListedStands() {
        ObjectNode a = rule("r-1");
        ObjectNode b = rule("r-1");
        spec(b).put("priority", new java.math.BigDecimal("1.0"));
        assertMigratedLeaf(normalize(a, b));
        // the standing copy is the first: a priority of 1.0 is not an integer (rule 7)
        assertAnomaly(MALFORMED_RECORD, "spec.priority: expected an integer or a string, got number 1.0", normalize(b, a));
    }

    @Test
    void copiesTenThousandLevelsDeepAreComparedWithoutOverflowingTheStack() {
        String deep = RuleFixtures.ruleTextWrapped("r-1", 10_000);
        assertAnomaly(AnomalyCode.WRAPPER_TOO_DEEP, normalizeTexts(deep, deep));
        assertAnomaly(DUPLICATE_ID, normalizeTexts(deep, deep.replace("ops@example.com", "dev@example.com")));
    }

    @Test
    void copiesWithNumbersOfDifferentValueAreDuplicateId() {
        ObjectNode a = rule("r-1");
        a.put("weight", new java.math.BigDecimal("0.1"));
        ObjectNode b = rule("r-1");
        b.put("weight", new java.math.BigDecimal("0.1000000000000000000001"));
        assertAnomaly(DUPLICATE_ID, normalize(a, b));
    }

    @Test
    void copiesOfDifferentRecordsAreRefused() {
        RuleNormalization normalization = new RuleNormalization();
        String json = rule("r-1").toString();
        assertThrows(IllegalArgumentException.class, () -> normalization.normalize(List.of()));
        assertThrows(IllegalArgumentException.class, () -> normalization.normalize(
                List.of(new RawItem("eu-1", 0, "r-1", json), new RawItem("us-1", 1, "r-1", json))));
        assertThrows(IllegalArgumentException.class, () -> normalization.normalize(
                List.of(new RawItem("eu-1", 0, null, "1"), new RawItem("eu-1", 1, null, "2"))));
    }
}
