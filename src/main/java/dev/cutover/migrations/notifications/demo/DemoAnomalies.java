package dev.cutover.migrations.notifications.demo;

import static dev.cutover.migrations.notifications.demo.DemoSpecs.bundle;
import static dev.cutover.migrations.notifications.demo.DemoSpecs.wrap;

import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Anomalous legacy items, each a valid rule with exactly one problem, so that its expected code
 * (DESIGN.md §5) is unambiguous. {@code DUPLICATE_ID} needs two copies and is made by the generator.
 */
final class DemoAnomalies {

    /** Record anomaly codes, in the order that decides a record's one code. */
    static final List<String> CODES = List.of("MALFORMED_RECORD", "MISSING_FIELD", "UNKNOWN_CHANNEL",
            "PRIORITY_OUT_OF_RANGE", "INVALID_CRON", "UNKNOWN_TIMEZONE", "NO_RECIPIENTS", "INVALID_RECIPIENT",
            "WRAPPER_TOO_DEEP", "EMPTY_BUNDLE", "DUPLICATE_ID");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> CHANNELS = List.of("slack", "", "e-mail", "fax", "   ", "Teams");
    private static final List<JsonNode> PRIORITIES = List.of(IntNode.valueOf(0), IntNode.valueOf(6),
            TextNode.valueOf("P0"), TextNode.valueOf("P6"), TextNode.valueOf("high"), IntNode.valueOf(-2));
    private static final List<String> CRONS = List.of("0 9 * * MON-FRI 2025", "0 9 ? * MON", "@daily",
            "0 9 * * FRI-MON", "60 9 * * *", "0 9 L * *", "0 9 * * 1#2", "0 24 * * *", "0 9 * *");
    private static final List<String> ZONES = List.of("+02:00", "GMT+2", "Europe/Pariss", "utc", "Mars/Olympus",
            "europe/paris");
    /** channel, then an entry invalid for it. */
    private static final List<List<String>> RECIPIENTS = List.of(List.of("email", "alice@@example.com"),
            List.of("email", "bob.example.com"), List.of("email", "a b@example.com"), List.of("email", "   "),
            List.of("sms", "+123"), List.of("sms", "0612345678"), List.of("webhook", "ftp://hooks.example.com/x"),
            List.of("webhook", "https://"), List.of("pager", "  "));

    private final DemoCatalog catalog;

    DemoAnomalies(DemoCatalog catalog) {
        this.catalog = catalog;
    }

    /** @return how many different items {@link #make} knows for {@code code} (0 for DUPLICATE_ID) */
    static int variants(String code) {
        return switch (code) {
            case "MALFORMED_RECORD", "MISSING_FIELD", "INVALID_CRON", "INVALID_RECIPIENT" -> 9;
            case "DUPLICATE_ID" -> 0;
            default -> 6;
        };
    }

    /** @return variant {@code v} of an item whose one problem is {@code code} */
    JsonNode make(String code, int v, String id, Random random) {
        String channel = code.equals("INVALID_RECIPIENT") ? RECIPIENTS.get(v).get(0) : "email";
        ObjectNode rule = base(id, channel, random);
        ObjectNode simple = (ObjectNode) rule.get("spec");
        switch (code) {
            case "MALFORMED_RECORD" -> {
                return malformed(rule, simple, v);
            }
            case "MISSING_FIELD" -> {
                return missing(rule, simple, v);
            }
            case "WRAPPER_TOO_DEEP" -> {
                return rule.set("spec", tooDeep(simple, v, rule, random));
            }
            case "EMPTY_BUNDLE" -> {
                return rule.set("spec", emptyBundle(v, random));
            }
            case "UNKNOWN_CHANNEL" -> simple.put("channel", CHANNELS.get(v));
            case "PRIORITY_OUT_OF_RANGE" -> simple.set("priority", PRIORITIES.get(v));
            case "INVALID_CRON" -> simple.put("schedule", CRONS.get(v));
            case "UNKNOWN_TIMEZONE" -> simple.put("timezone", ZONES.get(v));
            case "NO_RECIPIENTS" -> simple.putArray("recipients");
            case "INVALID_RECIPIENT" -> ((ArrayNode) simple.get("recipients"))
                    .insert(random.nextInt(simple.get("recipients").size() + 1), RECIPIENTS.get(v).get(1));
            default -> throw new IllegalArgumentException(code);
        }
        if (v % 3 == 2) {
            // the bad leaf beside a good one: one bad leaf makes the whole record one anomaly
            rule.set("spec", bundle(List.of(validSimple(rule, random), simple)));
        }
        return rule;
    }

    private static JsonNode malformed(ObjectNode rule, ObjectNode simple, int v) {
        switch (v) {
            case 0 -> {
                return TextNode.valueOf("!! corrupted export row !!");
            }
            case 1 -> rule.put("id", 4711);
            case 2 -> {
                return NODES.arrayNode().add(rule);
            }
            case 3 -> rule.put("version", "3");
            case 4 -> rule.put("tenant", 42);
            case 5 -> rule.put("enabled", "yes");
            case 6 -> simple.set("priority", DoubleNode.valueOf(3.5));
            case 7 -> simple.put("kind", "cron");
            default -> ((ArrayNode) simple.get("recipients")).add(12345);
        }
        return rule;
    }

    private static JsonNode missing(ObjectNode rule, ObjectNode simple, int v) {
        switch (v) {
            case 0 -> rule.remove("id");
            case 1 -> rule.putNull("id");
            case 2 -> rule.remove("version");
            case 3 -> rule.remove("tenant");
            case 4 -> rule.put("tenant", "   ");
            case 5 -> rule.remove("spec");
            case 6 -> simple.remove("channel");
            case 7 -> simple.remove("schedule");
            default -> rule.set("spec", NODES.objectNode().put("kind", "wrapped").put("label", "orphan"));
        }
        return rule;
    }

    private JsonNode tooDeep(ObjectNode simple, int v, ObjectNode rule, Random random) {
        return switch (v) {
            case 0, 4 -> wrap(simple, 17, random);
            case 1 -> wrap(simple, 20, random);
            case 2 -> bundle(List.of(validSimple(rule, random), wrap(simple, 17, random)));
            // bundles do not count: 10 above the bundle and 7 below make 17 on that path
            case 3 -> wrap(bundle(List.of(wrap(simple, 7, random))), 10, random);
            default -> wrap(bundle(List.of(wrap(simple, 1, random), validSimple(rule, random))), 16, random);
        };
    }

    private static JsonNode emptyBundle(int v, Random random) {
        return switch (v) {
            case 1 -> bundle(List.of(bundle(List.of()), bundle(List.of())));
            case 2 -> wrap(bundle(List.of()), 2, random);
            case 3 -> bundle(List.of(bundle(List.of())));
            case 4 -> wrap(bundle(List.of(bundle(List.of()), bundle(List.of(bundle(List.of()))))), 1, random);
            default -> bundle(List.of());
        };
    }

    /** A valid enabled rule with one simple email (or {@code channel}) leaf. */
    private ObjectNode base(String id, String channel, Random random) {
        String tenant = catalog.tenant(random.nextInt(catalog.tenantCount()));
        DemoCatalog.Config config = new DemoCatalog.Config(tenant, channel, 1 + random.nextInt(5),
                DemoCatalog.pick(DemoCatalog.SCHEDULES, random).canonical(), "UTC");
        List<String> recipients = catalog.recipientPool(tenant, channel).subList(0, 1 + random.nextInt(2));
        ObjectNode spec = DemoSpecs.simple(new DemoSpecs.Leaf(config, recipients), random);
        return DemoSpecs.rule(id, tenant, 1 + random.nextInt(3), true, spec);
    }

    private JsonNode validSimple(ObjectNode rule, Random random) {
        String tenant = rule.get("tenant").asText();
        DemoCatalog.Config config = new DemoCatalog.Config(tenant, "pager", 3, "30 8 * * *", "Asia/Tokyo");
        return DemoSpecs.simple(new DemoSpecs.Leaf(config, catalog.recipientPool(tenant, "pager").subList(0, 1)),
                random);
    }
}
