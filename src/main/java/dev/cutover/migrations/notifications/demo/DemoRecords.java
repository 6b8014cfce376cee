package dev.cutover.migrations.notifications.demo;

import static dev.cutover.migrations.notifications.demo.DemoSpecs.bundle;
import static dev.cutover.migrations.notifications.demo.DemoSpecs.wrap;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.cutover.migrations.notifications.demo.DemoGenerator.Planned;
import dev.cutover.migrations.notifications.demo.DemoSpecs.Leaf;

/** The demo's records that are not anomalies of their own: valid, disabled, and their copies. */
final class DemoRecords {

    private final DemoCatalog catalog;

    DemoRecords(DemoCatalog catalog) {
        this.catalog = catalog;
    }

    /** A valid rule of a random tenant, one leaf mostly, two or three sometimes. */
    Planned valid(String id, boolean enabled, Random random) {
        int tenant = random.nextInt(catalog.tenantCount());
        int count = random.nextInt(100) < 78 ? 1 : 2 + random.nextInt(2);
        List<Leaf> leaves = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            leaves.add(leaf(DemoCatalog.pick(catalog.configs(tenant), random), random));
        }
        ObjectNode rule = DemoSpecs.rule(id, DemoCatalog.spellTenant(catalog.tenant(tenant), random),
                1 + random.nextInt(4), enabled, DemoSpecs.shaped(leaves, random));
        return Planned.single(rule, enabled ? DemoRules.MIGRATED : DemoRules.DISABLED,
                enabled ? leaves : List.of());
    }

    /** A valid rule at the wrapper limit: 16 {@code wrapped} on its path, in one run or around a bundle. */
    Planned sixteenWrappers(String id, boolean aroundBundle, Random random) {
        int tenant = random.nextInt(catalog.tenantCount());
        Leaf leaf = leaf(catalog.configs(tenant).get(0), random);
        JsonNode simple = DemoSpecs.simple(leaf, random);
        JsonNode spec = aroundBundle ? wrap(bundle(List.of(wrap(simple, 8, random))), 8, random)
                : wrap(simple, 16, random);
        return Planned.single(DemoSpecs.rule(id, catalog.tenant(tenant), 1, true, spec), DemoRules.MIGRATED,
                List.of(leaf));
    }

    /** A disabled rule whose spec is invalid: disabled rules are skipped before their spec is examined. */
    Planned disabledWithBadSpec(String id, boolean emptyBundle, Random random) {
        Planned valid = valid(id, false, random);
        ObjectNode rule = (ObjectNode) valid.standing().get(0);
        rule.set("spec", emptyBundle ? bundle(List.of())
                : JsonNodeFactory.instance.objectNode().put("kind", "simple").put("channel", "email")
                        .put("priority", 2).put("schedule", "@hourly").set("recipients",
                                JsonNodeFactory.instance.arrayNode().add("ops@example.com")));
        return valid;
    }

    /**
     * The record with a higher version and one or two lower-version copies (listed before it, or after
     * it when {@code after}); the lower copies differ, and with {@code anomalous} one is invalid, which
     * must not matter because superseded copies are not examined.
     */
    Planned superseded(Planned record, boolean after, boolean anomalous, Random random) {
        JsonNode standing = record.standing().get(0);
        int version = standing.get("version").asInt() + 1 + random.nextInt(2);
        List<JsonNode> lower = new ArrayList<>();
        for (int i = 0, copies = random.nextInt(3) == 0 ? 2 : 1; i < copies; i++) {
            ObjectNode copy = DemoSpecs.withVersion(standing, 1 + random.nextInt(version - 1));
            if (anomalous && i == 0) {
                ((ObjectNode) firstSimple(copy.get("spec"))).put("schedule", "0 9 * * FRI-MON");
            } else if (random.nextBoolean()) {
                copy.put("enabled", !standing.get("enabled").asBoolean());
            } else {
                ((ObjectNode) firstSimple(copy.get("spec"))).set("recipients", JsonNodeFactory.instance.arrayNode());
            }
            lower.add(copy);
        }
        return new Planned(List.of(DemoSpecs.withVersion(standing, version)), lower, after, record.outcome(),
                record.leaves());
    }

    /** The record listed twice, identically; with {@code reorderKeys} the copy spells its keys in reverse. */
    Planned identicalCopy(Planned record, boolean reorderKeys) {
        JsonNode standing = record.standing().get(0);
        JsonNode copy = reorderKeys ? reversed(standing) : standing.deepCopy();
        return new Planned(List.of(standing, copy), record.superseded(), record.supersededAfter(), record.outcome(),
                record.leaves());
    }

    /**
     * Two valid copies of one id at the same highest version that differ (in tenant, or in enabled),
     * so neither can stand; with {@code withSuperseded} also a lower-version copy.
     */
    Planned duplicateId(String id, boolean withSuperseded, Random random) {
        ObjectNode first = (ObjectNode) valid(id, true, random).standing().get(0);
        first.put("version", 2 + random.nextInt(3));
        ObjectNode second = first.deepCopy();
        if (withSuperseded) {
            second.put("enabled", false);
        } else {
            String tenant = first.get("tenant").asText().trim();
            second.put("tenant", catalog.tenant((catalog.tenantIndex(tenant) + 1) % catalog.tenantCount()));
        }
        List<JsonNode> lower = withSuperseded ? List.of(DemoSpecs.withVersion(first, 1)) : List.of();
        return new Planned(List.of(first, second), lower, false, "DUPLICATE_ID", List.of());
    }

    /** A leaf of that configuration with one to three of the tenant's recipients. */
    private Leaf leaf(DemoCatalog.Config config, Random random) {
        List<String> pool = new ArrayList<>(catalog.recipientPool(config.tenant(), config.channel()));
        Collections.shuffle(pool, random);
        List<String> recipients = new ArrayList<>(pool.subList(0, 1 + random.nextInt(3)));
        Collections.sort(recipients);
        return new Leaf(config, List.copyOf(recipients));
    }

    private static JsonNode firstSimple(JsonNode spec) {
        return switch (spec.get("kind").asText()) {
            case "wrapped" -> firstSimple(spec.get("inner"));
            case "bundle" -> firstSimple(spec.get("items").get(0));
            default -> spec;
        };
    }

    /** The same JSON value with every object's keys in reverse order. */
    static JsonNode reversed(JsonNode node) {
        if (node.isObject()) {
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(node.properties());
            Collections.reverse(fields);
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            fields.forEach(field -> copy.set(field.getKey(), reversed(field.getValue())));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> copy.add(reversed(element)));
            return copy;
        }
        return node.deepCopy();
    }
}
