package dev.cutover.migrations.notifications.normalize;

import static dev.cutover.migrations.notifications.normalize.RuleFixtures.assertMigrated;
import static dev.cutover.migrations.notifications.normalize.RuleFixtures.bundle;
import static dev.cutover.migrations.notifications.normalize.RuleFixtures.normalize;
import static dev.cutover.migrations.notifications.normalize.RuleFixtures.rule;
import static dev.cutover.migrations.notifications.normalize.RuleFixtures.simple;
import static dev.cutover.migrations.notifications.normalize.RuleFixtures.wrapped;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * DESIGN.md §5 rule 5 inside one outcome: the order and number of its leaves, which the export (one
 * policy per group key) does not show. The rule's record tables are the scenario
 * {@code scenarios/notification-rules-v2/normalize-spec-kinds}.
 */
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
}
