package dev.cutover.migrations.notifications.normalize;

import static dev.cutover.migrations.notifications.normalize.AnomalyCode.EMPTY_BUNDLE;
import static dev.cutover.migrations.notifications.normalize.AnomalyCode.INVALID_CRON;
import static dev.cutover.migrations.notifications.normalize.AnomalyCode.MALFORMED_RECORD;
import static dev.cutover.migrations.notifications.normalize.AnomalyCode.MISSING_FIELD;
import static dev.cutover.migrations.notifications.normalize.AnomalyCode.WRAPPER_TOO_DEEP;
import static dev.cutover.migrations.notifications.normalize.RuleFixtures.assertAnomaly;
import static dev.cutover.migrations.notifications.normalize.RuleFixtures.assertMigrated;
import static dev.cutover.migrations.notifications.normalize.RuleFixtures.assertMigratedLeaf;
import static dev.cutover.migrations.notifications.normalize.RuleFixtures.bundle;
import static dev.cutover.migrations.notifications.normalize.RuleFixtures.normalize;
import static dev.cutover.migrations.notifications.normalize.RuleFixtures.normalizeTexts;
import static dev.cutover.migrations.notifications.normalize.RuleFixtures.rule;
import static dev.cutover.migrations.notifications.normalize.RuleFixtures.ruleTextWrapped;
import static dev.cutover.migrations.notifications.normalize.RuleFixtures.simple;
import static dev.cutover.migrations.notifications.normalize.RuleFixtures.wrapped;
import static dev.cutover.migrations.notifications.normalize.RuleFixtures.wrappedTimes;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** DESIGN.md §5 rule 5: spec kinds, unwrapping and bundle flattening. */
class RuleNormalizationSpecTest {

    private static ObjectNode ruleWithSpec(JsonNode spec) {
        ObjectNode rule = rule("r-1");
        rule.set("spec", spec);
        return rule;
    }

    private static ObjectNode leafWithPriority(int priority) {
        ObjectNode leaf = simple();
        leaf.put("priority", priority);
        return leaf;
    }

    @Test
    void wrappedIsUnwrappedWithOrWithoutLabel() {
        ObjectNode labelled = wrapped(simple());
        labelled.put("label", "legacy team A");
        assertMigratedLeaf(normalize(ruleWithSpec(wrapped(labelled))));
    }

    @Test
    void sixteenNestedWrappedAreAccepted() {
        assertMigratedLeaf(normalize(ruleWithSpec(wrappedTimes(16, simple()))));
    }

    @Test
    void seventeenNestedWrappedAreTooDeep() {
        assertAnomaly(WRAPPER_TOO_DEEP, "spec(.inner)*17: 17 wrapped levels above this leaf, at most 16",
                normalize(ruleWithSpec(wrappedTimes(17, simple()))));
    }

    @Test
    void wrapperDepthIsCountedPerPathAndBundlesDoNotCount() {
        JsonNode spec = wrappedTimes(8, bundle(wrappedTimes(8, simple()), wrappedTimes(8, bundle(simple()))));
        assertEquals(2, assertMigrated(normalize(ruleWithSpec(spec))).size());
        JsonNode tooDeep = wrappedTimes(8, bundle(simple(), wrappedTimes(9, simple())));
        assertAnomaly(WRAPPER_TOO_DEEP, normalize(ruleWithSpec(tooDeep)));
    }

    @Test
    void problemsInsideTooDeepWrappersAreStillFound() {
        ObjectNode leaf = simple();
        leaf.remove("channel");
        assertAnomaly(MISSING_FIELD, "spec(.inner)*20.channel is missing",
                normalize(ruleWithSpec(wrappedTimes(20, leaf))));
    }

    @Test
    void veryDeepNestingDoesNotOverflowTheStack() {
        assertAnomaly(WRAPPER_TOO_DEEP, normalize(ruleWithSpec(wrappedTimes(900, simple()))));
    }

    @Test
    void wrappersTwelveHundredDeepAreTooDeepNotUnreadable() {
        // beyond Jackson's default nesting limit of 1000
        assertAnomaly(WRAPPER_TOO_DEEP, "spec(.inner)*1200: 1200 wrapped levels above this leaf, at most 16",
                normalizeTexts(ruleTextWrapped("r-1", 1200)));
    }

    @Test
    void wrappersTenThousandDeepAreTooDeep() {
        assertAnomaly(WRAPPER_TOO_DEEP, "spec(.inner)*10000: 10000 wrapped levels above this leaf, at most 16",
                normalizeTexts(ruleTextWrapped("r-1", 10_000)));
    }

    @Test
    void nestedBundlesAreFlattenedDepthFirstInSpecOrder() {
        JsonNode spec = bundle(leafWithPriority(1),
                bundle(leafWithPriority(2), wrapped(bundle(leafWithPriority(3)))),
                wrapped(leafWithPriority(4)), leafWithPriority(5));
        List<PolicyLeaf> leaves = assertMigrated(normalize(ruleWithSpec(spec)));
        assertEquals(List.of(1, 2, 3, 4, 5), leaves.stream().map(PolicyLeaf::priority).toList());
    }

    @Test
    void identicalLeavesStayOneLeafEach() {
        assertEquals(2, assertMigrated(normalize(ruleWithSpec(bundle(simple(), simple())))).size());
    }

    @Test
    void emptyBundleIsEmptyBundle() {
        assertAnomaly(EMPTY_BUNDLE, "spec: bundle has no simple leaf", normalize(ruleWithSpec(bundle())));
    }

    @Test
    void bundleOfEmptyBundlesThroughWrappersIsEmptyBundle() {
        JsonNode spec = wrapped(bundle(bundle(), wrapped(bundle(bundle()))));
        assertAnomaly(EMPTY_BUNDLE, "spec.inner: bundle has no simple leaf", normalize(ruleWithSpec(spec)));
    }

    @Test
    void emptyBundleBesideLeavesIsStillEmptyBundle() {
        assertAnomaly(EMPTY_BUNDLE, "spec.items[1]: bundle has no simple leaf",
                normalize(ruleWithSpec(bundle(simple(), bundle()))));
    }

    @Test
    void wrapperTooDeepWinsOverEmptyBundle() {
        assertAnomaly(WRAPPER_TOO_DEEP, normalize(ruleWithSpec(bundle(bundle(), wrappedTimes(17, simple())))));
    }

    @Test
    void wrapperDepthCountsOnPathsToLeavesSoDeepWrappedEmptyBundleIsEmptyBundle() {
        assertAnomaly(EMPTY_BUNDLE, "spec(.inner)*17: bundle has no simple leaf",
                normalize(ruleWithSpec(wrappedTimes(17, bundle()))));
    }

    @Test
    void oneInvalidLeafMakesTheWholeRecordAnAnomaly() {
        ObjectNode bad = simple();
        bad.put("schedule", "0 9 * * * *");
        assertAnomaly(INVALID_CRON, "spec.items[1].inner.schedule: \"0 9 * * * *\" is not a valid five-field cron expression",
                normalize(ruleWithSpec(bundle(simple(), wrapped(bad)))));
    }

    @Test
    void missingKindIsMissingField() {
        ObjectNode leaf = simple();
        leaf.remove("kind");
        assertAnomaly(MISSING_FIELD, "spec.kind is missing", normalize(ruleWithSpec(leaf)));
    }

    @Test
    void unknownKindIsMalformed() {
        ObjectNode leaf = simple();
        leaf.put("kind", "Simple");
        assertAnomaly(MALFORMED_RECORD, "spec.items[0].kind: \"Simple\" is not simple, wrapped or bundle",
                normalize(ruleWithSpec(bundle(leaf))));
    }

    @Test
    void kindOfWrongTypeIsMalformed() {
        ObjectNode leaf = simple();
        leaf.put("kind", 1);
        assertAnomaly(MALFORMED_RECORD, "spec.kind: expected a string, got number 1", normalize(ruleWithSpec(leaf)));
    }

    @Test
    void missingOrNullInnerIsMissingField() {
        ObjectNode noInner = wrapped(simple());
        noInner.remove("inner");
        assertAnomaly(MISSING_FIELD, "spec.inner is missing", normalize(ruleWithSpec(noInner)));
        ObjectNode nullInner = wrapped(simple());
        nullInner.putNull("inner");
        assertAnomaly(MISSING_FIELD, normalize(ruleWithSpec(nullInner)));
    }

    @Test
    void innerThatIsNotAnObjectIsMalformed() {
        ObjectNode wrapped = wrapped(simple());
        wrapped.putArray("inner").add(simple());
        assertAnomaly(MALFORMED_RECORD, "spec.inner: expected an object, got array", normalize(ruleWithSpec(wrapped)));
    }

    @Test
    void labelOfWrongTypeIsMalformed() {
        ObjectNode wrapped = wrapped(simple());
        wrapped.put("label", 5);
        assertAnomaly(MALFORMED_RECORD, "spec.label: expected a string, got number 5", normalize(ruleWithSpec(wrapped)));
    }

    @Test
    void missingItemsIsMissingFieldAndItemsOfWrongTypeIsMalformed() {
        ObjectNode noItems = bundle();
        noItems.remove("items");
        assertAnomaly(MISSING_FIELD, "spec.items is missing", normalize(ruleWithSpec(noItems)));
        ObjectNode objectItems = bundle();
        objectItems.set("items", simple());
        assertAnomaly(MALFORMED_RECORD, "spec.items: expected an array, got object", normalize(ruleWithSpec(objectItems)));
    }

    @Test
    void bundleItemThatIsNotAnObjectIsMalformed() {
        ObjectNode spec = bundle(simple());
        ((ArrayNode) spec.get("items")).addNull();
        assertAnomaly(MALFORMED_RECORD, "spec.items[1]: expected an object, got null", normalize(ruleWithSpec(spec)));
    }
}
