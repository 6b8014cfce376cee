package dev.cutover.migrations.notifications.normalize;

import static dev.cutover.migrations.notifications.normalize.AnomalyCode.DUPLICATE_ID;
import static dev.cutover.migrations.notifications.normalize.AnomalyCode.MALFORMED_RECORD;
import static dev.cutover.migrations.notifications.normalize.RuleFixtures.assertAnomaly;
import static dev.cutover.migrations.notifications.normalize.RuleFixtures.normalize;
import static dev.cutover.migrations.notifications.normalize.RuleFixtures.normalizeTexts;
import static dev.cutover.migrations.notifications.normalize.RuleFixtures.rule;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.cutover.framework.migration.RawItem;

/**
 * DESIGN.md §5 rules 1 and 2 where no source can reach: item texts that are not one JSON value, copies
 * nested 10,000 deep, the contract of the call. Records in, outcomes out, are scenarios:
 * {@code scenarios/notification-rules-v2/normalize-identity} and {@code normalize-duplicates}.
 */
class RuleNormalizationIdentityTest {

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
    void copiesTenThousandLevelsDeepAreComparedWithoutOverflowingTheStack() {
        String deep = RuleFixtures.ruleTextWrapped("r-1", 10_000);
        assertAnomaly(AnomalyCode.WRAPPER_TOO_DEEP, normalizeTexts(deep, deep));
        assertAnomaly(DUPLICATE_ID, normalizeTexts(deep, deep.replace("ops@example.com", "dev@example.com")));
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
