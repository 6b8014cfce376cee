package dev.cutover.migrations.notifications.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class DemoRulesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DemoRules DEMO = DemoRules.generate();

    private static byte[] bytes(DemoRules rules) throws JsonProcessingException {
        Map<String, Object> all = new LinkedHashMap<>();
        for (String source : rules.sourceNames()) {
            all.put(source, rules.items(source));
        }
        all.put("expected", rules.expected());
        all.put("policies", rules.expectedPolicies());
        return JSON.writeValueAsBytes(all);
    }

    private static String id(JsonNode item) {
        JsonNode id = item.isObject() ? item.get("id") : null;
        return id != null && id.isTextual() ? id.asText() : null;
    }

    @Test
    void twoGenerationsFromTheSameSeedAreByteIdentical() throws JsonProcessingException {
        assertArrayEquals(bytes(DemoRules.generate()), bytes(DemoRules.generate()));
        assertFalse(java.util.Arrays.equals(bytes(DemoRules.generate()), bytes(DemoRules.generate(7))));
    }

    @Test
    void thereAreThreeSourcesAndAFewThousandRecordsOverManyTenants() {
        assertEquals(List.of("ap-1", "eu-1", "us-1"), DEMO.sourceNames());
        int records = DEMO.expected().size();
        assertTrue(records >= 3_500 && records <= 4_500, "records: " + records);
        Set<String> tenants = new HashSet<>();
        DEMO.expectedPolicies().forEach(policy -> tenants.add(policy.tenant()));
        assertTrue(tenants.size() >= 100, "tenants: " + tenants.size());
    }

    @Test
    void everyRecordAnomalyCodeIsExpectedThreeToTenTimes() {
        Map<String, Integer> counts = DEMO.expectedCounts();
        for (String code : DemoRules.ANOMALY_CODES) {
            int count = counts.getOrDefault(code, 0);
            assertTrue(count >= 3 && count <= 10, code + ": " + count);
        }
        assertEquals(11, DemoRules.ANOMALY_CODES.size());
        assertTrue(counts.get(DemoRules.DISABLED) > 100);
        assertTrue(counts.get(DemoRules.MIGRATED) > 3_000);
    }

    @Test
    void eachRecordHasOneOutcomeAndTheCountsAddUp() {
        for (String source : DEMO.sourceNames()) {
            List<JsonNode> items = DEMO.items(source);
            Set<String> ids = new TreeSet<>();
            int idLess = 0;
            for (JsonNode item : items) {
                if (id(item) != null) {
                    ids.add(id(item));
                } else {
                    idLess++;
                }
            }
            assertEquals(ids, DEMO.expectedById(source).keySet(), source);
            assertEquals(ids.size(), DEMO.total(source), source);
            assertEquals(idLess, DEMO.expectedByIndex(source).size(), source);
            int sum = DEMO.expectedCounts(source).values().stream().mapToInt(Integer::intValue).sum();
            assertEquals(ids.size() + idLess, sum, source);
        }
    }

    @Test
    void itemsWithoutAUsableIdAreKeyedByTheirListingIndex() {
        List<String> kinds = new ArrayList<>();
        for (String source : DEMO.sourceNames()) {
            List<JsonNode> items = DEMO.items(source);
            DEMO.expectedByIndex(source).forEach((index, outcome) -> {
                JsonNode item = items.get(index);
                assertEquals(null, id(item));
                kinds.add(!item.isObject() ? "not an object" : item.hasNonNull("id") ? "id not a string" : "no id");
                assertEquals(item.isObject() && !item.hasNonNull("id") ? "MISSING_FIELD" : "MALFORMED_RECORD",
                        outcome);
            });
        }
        assertTrue(kinds.containsAll(List.of("not an object", "id not a string", "no id")), kinds.toString());
    }

    @Test
    void copiesOfOneIdAreSupersededByVersionIdenticalOrDuplicateIds() {
        int superseded = 0;
        int identical = 0;
        for (String source : DEMO.sourceNames()) {
            Map<String, List<JsonNode>> copies = new TreeMap<>();
            DEMO.items(source).stream().filter(item -> id(item) != null)
                    .forEach(item -> copies.computeIfAbsent(id(item), k -> new ArrayList<>()).add(item));
            for (Map.Entry<String, List<JsonNode>> entry : copies.entrySet()) {
                int top = entry.getValue().stream().mapToInt(c -> c.path("version").asInt(-1)).max().orElseThrow();
                List<JsonNode> highest = entry.getValue().stream().filter(c -> c.path("version").asInt(-1) == top)
                        .toList();
                boolean differ = new HashSet<>(highest).size() > 1;
                boolean duplicate = "DUPLICATE_ID".equals(DEMO.expectedById(source).get(entry.getKey()));
                assertEquals(duplicate, differ, source + "/" + entry.getKey());
                superseded += entry.getValue().size() - highest.size();
                identical += differ ? 0 : highest.size() - 1;
            }
        }
        assertTrue(superseded >= 60, "superseded copies: " + superseded);
        assertTrue(identical >= 20, "identical copies: " + identical);
    }

    @Test
    void migratedRecordsNormalizeToTheExpectedPoliciesAndDisabledOnesAreDisabled() {
        Map<List<Object>, Set<String>> policies = new TreeMap<>((a, b) -> a.toString().compareTo(b.toString()));
        for (String source : DEMO.sourceNames()) {
            Map<String, String> expected = DEMO.expectedById(source);
            Map<String, JsonNode> standing = new TreeMap<>();
            DEMO.items(source).stream().filter(item -> id(item) != null).forEach(item -> standing.merge(id(item),
                    item, (a, b) -> b.path("version").asInt() > a.path("version").asInt() ? b : a));
            standing.forEach((id, rule) -> {
                String outcome = expected.get(id);
                if (outcome.equals(DemoRules.MIGRATED)) {
                    for (DemoReferenceNormalizer.Leaf leaf : DemoReferenceNormalizer.leaves(rule)) {
                        policies.computeIfAbsent(List.of(leaf.tenant(), leaf.channel(), leaf.priority(),
                                leaf.schedule(), leaf.timezone()), k -> new TreeSet<>()).addAll(leaf.recipients());
                    }
                } else if (outcome.equals(DemoRules.DISABLED)) {
                    assertFalse(rule.get("enabled").asBoolean(), id);
                }
            });
        }
        Map<List<Object>, Set<String>> oracle = new TreeMap<>((a, b) -> a.toString().compareTo(b.toString()));
        DEMO.expectedPolicies().forEach(p -> oracle.put(List.of(p.tenant(), p.channel(), p.priority(), p.schedule(),
                p.timezone()), new TreeSet<>(p.recipients())));
        assertEquals(oracle, policies);
    }

    @Test
    void everyExpectedOutcomeIsWhatAnIndependentReadingOfTheServedJsonGives() {
        Map<String, Integer> judged = new TreeMap<>();
        for (String source : DEMO.sourceNames()) {
            List<JsonNode> items = DEMO.items(source);
            Map<String, JsonNode> standing = new TreeMap<>();
            items.stream().filter(item -> id(item) != null).forEach(item -> standing.merge(id(item), item,
                    (a, b) -> b.path("version").asInt() > a.path("version").asInt() ? b : a));
            DEMO.expectedById(source).forEach((id, outcome) -> {
                if (!outcome.equals("DUPLICATE_ID")) {
                    assertEquals(outcome, DemoReferenceNormalizer.outcome(standing.get(id)), source + "/" + id);
                    judged.merge(outcome, 1, Integer::sum);
                }
            });
            DEMO.expectedByIndex(source).forEach((index, outcome) -> {
                assertEquals(outcome, DemoReferenceNormalizer.outcome(items.get(index)), source + " #" + index);
                judged.merge(outcome, 1, Integer::sum);
            });
        }
        Map<String, Integer> counts = new TreeMap<>(DEMO.expectedCounts());
        counts.remove("DUPLICATE_ID");
        assertEquals(counts, judged);
    }

    @Test
    void equivalentSpellingsOfOneConfigurationAreAllPresent() {
        String all = DEMO.sourceNames().stream().map(s -> DEMO.items(s).toString()).reduce("", String::concat);
        for (String spelling : List.of("\"0 9 * * MON-FRI\"", "\"0 9 * * 1-5\"", "\"00 09 * * mon-fri\"",
                "\"priority\":2,", "\"priority\":\"P2\"", "\"priority\":\" p2 \"", "\"channel\":\" Email \"",
                "\"channel\":\"email\"", "\"timezone\":\"UTC\"", "\"timezone\":null", "\"kind\":\"wrapped\"",
                "\"enabled\":false", "@T", "\"+33 ", "\"+33-", "\"+33.")) {
            assertTrue(all.contains(spelling), spelling);
        }
        assertTrue(DEMO.items("eu-1").stream().anyMatch(i -> i.has("spec") && i.get("spec").isObject()
                && i.get("spec").has("recipients") && !i.get("spec").has("timezone")), "timezone absent");
    }

    @Test
    void theWrapperLimitIsExercisedOnBothSides() {
        int atLimit = 0;
        for (String source : DEMO.sourceNames()) {
            Map<String, String> expected = DEMO.expectedById(source);
            for (JsonNode item : DEMO.items(source)) {
                String outcome = id(item) == null ? null : expected.get(id(item));
                if ("WRAPPER_TOO_DEEP".equals(outcome)) {
                    assertTrue(depth(item.get("spec")) > 16, id(item));
                } else if (DemoRules.MIGRATED.equals(outcome)) {
                    assertTrue(depth(item.get("spec")) <= 16, id(item));
                    atLimit += depth(item.get("spec")) == 16 ? 1 : 0;
                }
            }
        }
        assertTrue(atLimit >= 3, "migrated at exactly 16 wrappers: " + atLimit);
    }

    @Test
    void anotherSeedGivesOtherDataOfTheSameShape() {
        DemoRules other = DemoRules.generate(7);
        assertNotEquals(DEMO.expectedPolicies(), other.expectedPolicies());
        assertEquals(DEMO.expectedCounts().keySet(), other.expectedCounts().keySet());
    }

    /** Most {@code wrapped} on one path from the spec to a leaf; bundles do not count. */
    private static int depth(JsonNode spec) {
        if (spec == null || !spec.isObject()) {
            return 0;
        }
        return switch (spec.path("kind").asText()) {
            case "wrapped" -> 1 + depth(spec.get("inner"));
            case "bundle" -> {
                int max = 0;
                for (JsonNode item : spec.path("items")) {
                    max = Math.max(max, depth(item));
                }
                yield max;
            }
            default -> 0;
        };
    }
}
