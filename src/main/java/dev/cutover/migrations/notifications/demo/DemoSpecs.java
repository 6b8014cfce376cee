package dev.cutover.migrations.notifications.demo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Writes legacy rules and specs (DESIGN.md §4 LegacyRule) in randomly chosen equivalent spellings. */
final class DemoSpecs {

    /** One {@code simple} leaf in canonical form: what the normalizer should make of it. */
    record Leaf(DemoCatalog.Config config, List<String> recipients) {
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> LABELS = List.of("imported", "legacy-v1", "team-override", "migrated-2019");

    private DemoSpecs() {
    }

    static ObjectNode rule(String id, String tenant, int version, boolean enabled, JsonNode spec) {
        ObjectNode rule = NODES.objectNode();
        rule.put("id", id);
        rule.put("tenant", tenant);
        rule.put("version", version);
        rule.put("enabled", enabled);
        rule.set("spec", spec);
        return rule;
    }

    /** @return a copy of {@code rule} at another version */
    static ObjectNode withVersion(JsonNode rule, int version) {
        ObjectNode copy = rule.deepCopy();
        copy.put("version", version);
        return copy;
    }

    /** A {@code simple} spec that normalizes to {@code leaf}, spelled at random. */
    static ObjectNode simple(Leaf leaf, Random random) {
        DemoCatalog.Config config = leaf.config();
        ObjectNode spec = NODES.objectNode();
        spec.put("kind", "simple");
        spec.put("channel", DemoCatalog.spellChannel(config.channel(), random));
        spec.set("priority", DemoCatalog.spellPriority(config.priority(), random));
        spec.put("schedule", DemoCatalog.spellSchedule(config.schedule(), random));
        if (!config.timezone().equals("UTC")) {
            spec.put("timezone", config.timezone());
        } else if (random.nextInt(5) < 2) {
            spec.put("timezone", "UTC");
        } else if (random.nextInt(3) == 0) {
            spec.putNull("timezone"); // null counts as absent: UTC
        }
        spec.set("recipients", recipients(config.channel(), leaf.recipients(), random));
        return spec;
    }

    /** Each canonical recipient spelled once, some a second time differently, in shuffled order. */
    static ArrayNode recipients(String channel, List<String> canonical, Random random) {
        List<String> spelled = new ArrayList<>();
        for (String recipient : canonical) {
            spelled.add(DemoCatalog.spellRecipient(channel, recipient, random));
            if (random.nextInt(7) == 0) {
                spelled.add(DemoCatalog.spellRecipient(channel, recipient, random));
            }
        }
        Collections.shuffle(spelled, random);
        ArrayNode array = NODES.arrayNode();
        spelled.forEach(array::add);
        return array;
    }

    /** {@code inner} inside {@code depth} {@code wrapped} specs, some with a label. */
    static JsonNode wrap(JsonNode inner, int depth, Random random) {
        JsonNode spec = inner;
        for (int i = 0; i < depth; i++) {
            ObjectNode wrapped = NODES.objectNode();
            wrapped.put("kind", "wrapped");
            if (random.nextBoolean()) {
                wrapped.put("label", DemoCatalog.pick(LABELS, random));
            }
            wrapped.set("inner", spec);
            spec = wrapped;
        }
        return spec;
    }

    static ObjectNode bundle(List<? extends JsonNode> items) {
        ObjectNode bundle = NODES.objectNode();
        bundle.put("kind", "bundle");
        bundle.putArray("items").addAll(List.copyOf(items));
        return bundle;
    }

    /**
     * A spec for {@code leaves} of one of the shapes legacy data has: one leaf plain or wrapped a few
     * levels; several leaves as a bundle whose items may be wrapped or a nested bundle, itself
     * sometimes wrapped.
     */
    static JsonNode shaped(List<Leaf> leaves, Random random) {
        List<JsonNode> simples = new ArrayList<>();
        for (Leaf leaf : leaves) {
            JsonNode simple = simple(leaf, random);
            simples.add(random.nextInt(4) == 0 ? wrap(simple, 1 + random.nextInt(2), random) : simple);
        }
        if (simples.size() == 1) {
            return random.nextInt(4) == 0 ? wrap(simples.get(0), 1 + random.nextInt(3), random) : simples.get(0);
        }
        JsonNode bundle = simples.size() >= 3 && random.nextBoolean()
                ? bundle(List.of(simples.get(0), bundle(simples.subList(1, simples.size()))))
                : bundle(simples);
        return random.nextInt(5) == 0 ? wrap(bundle, 1 + random.nextInt(2), random) : bundle;
    }
}
