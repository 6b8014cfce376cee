package dev.cutover.migrations.notifications.normalize;

import dev.cutover.framework.normalize.LegacyRecordProcessor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.cutover.framework.migration.RawItem;
import dev.cutover.framework.normalize.RecordOutcome;
import dev.cutover.framework.toolkit.LegacyJson;
import dev.cutover.migrations.notifications.NotificationRulesMigration;

/** Legacy rules to start tests from, and the one way tests run and check a normalization. */
final class RuleFixtures {

    static final String SOURCE = "eu-1";
    static final ObjectMapper JSON = new ObjectMapper();

    private RuleFixtures() {
    }

    /** @return a valid enabled rule at version 1 whose spec is {@link #simple()} */
    static ObjectNode rule(String id) {
        ObjectNode rule = JSON.createObjectNode();
        rule.put("id", id);
        rule.put("tenant", "acme");
        rule.put("version", 1);
        rule.put("enabled", true);
        rule.set("spec", simple());
        return rule;
    }

    /** @return a valid simple leaf: email to one recipient, priority 1, daily at 09:00, no timezone */
    static ObjectNode simple() {
        ObjectNode simple = JSON.createObjectNode();
        simple.put("kind", "simple");
        simple.put("channel", "email");
        simple.put("priority", 1);
        simple.put("schedule", "0 9 * * *");
        simple.putArray("recipients").add("ops@example.com");
        return simple;
    }

    static ObjectNode wrapped(JsonNode inner) {
        ObjectNode wrapped = JSON.createObjectNode();
        wrapped.put("kind", "wrapped");
        wrapped.set("inner", inner);
        return wrapped;
    }

    /** @return {@code inner} under {@code depth} nested wrapped nodes */
    static JsonNode wrappedTimes(int depth, JsonNode inner) {
        JsonNode node = inner;
        for (int i = 0; i < depth; i++) {
            node = wrapped(node);
        }
        return node;
    }

    static ObjectNode bundle(JsonNode... items) {
        ObjectNode bundle = JSON.createObjectNode();
        bundle.put("kind", "bundle");
        ArrayNode array = bundle.putArray("items");
        for (JsonNode item : items) {
            array.add(item);
        }
        return bundle;
    }

    /** @return the spec of {@code rule}, for tests that change one leaf field */
    static ObjectNode spec(ObjectNode rule) {
        return (ObjectNode) rule.get("spec");
    }

    static ObjectNode withRecipients(ObjectNode simple, String channel, String... recipients) {
        simple.put("channel", channel);
        ArrayNode array = simple.putArray("recipients");
        for (String recipient : recipients) {
            array.add(recipient);
        }
        return simple;
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    /** Normalizes the copies of one record, listed in this order from index 0 of {@link #SOURCE}. */
    static RecordOutcome normalize(JsonNode... copies) {
        List<String> texts = new ArrayList<>();
        for (JsonNode copy : copies) {
            texts.add(copy.toString());
        }
        return normalizeTexts(texts.toArray(String[]::new));
    }

    /** Like {@link #normalize(JsonNode...)} from the JSON text of each listed item. */
    static RecordOutcome normalizeTexts(String... copies) {
        List<RawItem> items = new ArrayList<>();
        for (int i = 0; i < copies.length; i++) {
            JsonNode item = parseOrNull(copies[i]);
            // the retrieve step's view of the id: a JSON string that can be stored, else none
            String id = item != null && item.isObject() && item.path("id").isTextual()
                    && LegacyJson.isStorable(item.get("id").textValue()) ? item.get("id").textValue() : null;
            items.add(new RawItem(SOURCE, i, id, copies[i]));
        }
        return normalizeItems(items);
    }

    private static JsonNode parseOrNull(String json) {
        try {
            return LegacyJson.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /**
     * @return the JSON text of {@link #rule(String)} whose spec is {@code simple()} under {@code depth}
     *         wrappers, built as text because Jackson does not serialize trees nested over 1000 levels
     */
    static String ruleTextWrapped(String id, int depth) {
        StringBuilder spec = new StringBuilder();
        spec.append("{\"kind\":\"wrapped\",\"inner\":".repeat(depth)).append(simple()).append("}".repeat(depth));
        ObjectNode rule = rule(id);
        rule.remove("spec");
        String text = rule.toString();
        return text.substring(0, text.length() - 1) + ",\"spec\":" + spec + "}";
    }

    static void assertAnomaly(AnomalyCode code, RecordOutcome outcome) {
        assertEquals(RecordOutcome.Kind.ANOMALY, outcome.kind(), () -> "expected " + code + ", got " + outcome);
        assertEquals(code.name(), outcome.code(), () -> "detail: " + outcome.detail());
        assertNull(outcome.target());
    }

    static void assertAnomaly(AnomalyCode code, String detail, RecordOutcome outcome) {
        assertAnomaly(code, outcome);
        assertEquals(detail, outcome.detail());
    }

    /** @return the leaves of a migrated outcome, after checking it is one */
    static List<PolicyLeaf> assertMigrated(RecordOutcome outcome) {
        assertEquals(RecordOutcome.Kind.MIGRATED, outcome.kind(), () -> "expected migrated, got " + outcome);
        assertNull(outcome.code());
        assertNull(outcome.detail());
        return leaves(outcome.target());
    }

    /** @return the outcome the normalize step records for these copies of one record */
    static RecordOutcome normalizeItems(List<RawItem> copies) {
        return LegacyRecordProcessor.outcome(new NotificationRulesMigration(), copies);
    }

    /** @return the leaves of a migrated outcome's stored target, read back by the migration's codec */
    static List<PolicyLeaf> leaves(JsonNode target) {
        List<PolicyLeaf> leaves = new ArrayList<>();
        target.forEach(leaf -> leaves.add(new NotificationRulesMigration().leafCodec().fromJson(leaf)));
        return leaves;
    }

    /** @return the one leaf of a migrated outcome */
    static PolicyLeaf assertMigratedLeaf(RecordOutcome outcome) {
        List<PolicyLeaf> leaves = assertMigrated(outcome);
        assertEquals(1, leaves.size(), () -> "leaves: " + leaves);
        return leaves.get(0);
    }
}
