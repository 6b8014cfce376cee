package dev.cutover.scenarios;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.cutover.framework.source.server.InFlightGauge;
import dev.cutover.framework.source.server.LegacySourceData;
import dev.cutover.framework.source.server.LegacySourceServer;
import dev.cutover.framework.source.server.SourceFaults;
import dev.cutover.framework.toolkit.LegacyJson;
import dev.cutover.support.TestSources;

/**
 * Scenarios of {@code notification-rules-v2}: each source is a {@link LegacySourceServer} (DESIGN.md
 * §4) serving the JSON array of its data file, item by item exactly as written, then the items its
 * {@code generate} directives make (big shapes are generated, never committed); faults are
 * {@link SourceFaults}; edits change the served {@link LegacySourceData} while the run goes on.
 */
final class NotificationRulesScenarios implements ScenarioMigration {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Override
    public String name() {
        return "notification-rules-v2";
    }

    @Override
    public ServedSources serve(Path dataDir, JsonNode scenario) throws IOException {
        Map<String, JsonNode> settings = ScenarioMigration.sourceSettings(dataDir, scenario);
        Served served = new Served();
        try {
            for (Map.Entry<String, JsonNode> source : settings.entrySet()) {
                List<String> items = new ArrayList<>();
                Path file = dataDir.resolve(source.getKey() + ".json");
                if (Files.exists(file)) {
                    items.addAll(itemTexts(file));
                }
                for (JsonNode directive : source.getValue().path("generate")) {
                    items.addAll(generate(directive));
                }
                int pageCap = source.getValue().path("pageCap").asInt(LegacySourceServer.MAX_LIMIT);
                LegacySourceServer server = new LegacySourceServer(source.getKey(), LegacySourceData.ofJsonText(items), pageCap,
                        served.gauge);
                served.servers.put(source.getKey(), server);
                server.start();
            }
            for (JsonNode fault : scenario.path("faults")) {
                served.faultsArmed += arm(served.server(fault), fault);
            }
            for (JsonNode edit : scenario.path("edits")) {
                served.schedule(edit);
            }
            return served;
        } catch (RuntimeException | IOException e) {
            served.close();
            throw e;
        }
    }

    /**
     * @return the text of each item of the file's JSON array, exactly as written (key order, repeated
     *         keys, {@code 3e0} and {@code 1.0} kept: a tree would rewrite them)
     */
    private static List<String> itemTexts(Path file) throws IOException {
        String text = Files.readString(file);
        List<String> items = new ArrayList<>();
        try (JsonParser parser = LegacyJson.FACTORY.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new IllegalArgumentException(file + ": a source's data is a JSON array of items");
            }
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                int start = (int) parser.currentTokenLocation().getCharOffset();
                parser.skipChildren();
                // a scalar is read lazily: finish it, or the location is still inside a string
                parser.finishToken();
                items.add(text.substring(start, (int) parser.currentLocation().getCharOffset()));
            }
        }
        return items;
    }

    /** @return how many requests the fault is armed for */
    private static int arm(LegacySourceServer server, JsonNode fault) {
        int times = fault.path("times").asInt(1);
        SourceFaults faults = fault.has("path") ? server.faults().on(fault.get("path").asText()) : server.faults();
        String kind = fault.path("kind").asText();
        switch (kind) {
            case "status" -> faults.failNext(times, fault.path("status").asInt());
            case "throttle" -> faults.throttleNext(times, fault.path("retryAfter").asText());
            case "badBody" -> faults.badBodyNext(times, SourceFaults.BadBody.valueOf(fault.path("body").asText()));
            case "closeMidBody" -> faults.closeMidBodyNext(times);
            case "delay" -> faults.delayNext(times, Duration.ofMillis(fault.path("millis").asLong()));
            case "trickle" -> faults.trickleNext(times, Duration.ofMillis(fault.path("millis").asLong(100)));
            case "repeatCursor" -> faults.repeatCursorNext(times);
            case "notAnObject" -> faults.rewriteNext(times, page -> NODES.arrayNode().add(page));
            case "longCursor" -> faults.rewriteNext(times, page -> ((ObjectNode) page).put("next_cursor",
                    "c".repeat(fault.path("chars").asInt())));
            case "total" -> faults.rewriteNext(times, page -> ((ObjectNode) page).put("total", fault.path("total").asLong()));
            case "watermark" -> faults.rewriteNext(times, page -> ((ObjectNode) page).put("watermark", fault.path("watermark").asLong()));
            case "appendField" -> faults.rewriteTextNext(times, answer -> answer.substring(0, answer.lastIndexOf('}'))
                    + "," + NODES.textNode(fault.path("field").asText()) + ":" + fault.path("json").asText() + "}");
            case "downAfterPages" -> {
                faults.downAfterPages(fault.path("pages").asInt());
                // every request after those pages fails: count the attempts of one page
                return 1;
            }
            default -> throw new IllegalArgumentException("unknown fault kind '" + kind + "' in " + fault);
        }
        return times;
    }

    /**
     * Big shapes, made here from a small directive instead of committed: {@code valid} (simple valid
     * rules), {@code wrapped} (one rule under {@code depth} wrappers), {@code recipients} (one pager rule
     * with {@code count} recipients), {@code padded} ({@code count} valid rules each carrying an ignored
     * field of {@code bytesEach} characters), {@code long} (one valid rule whose tenant has
     * {@code tenantChars} characters and whose recipient's local part {@code recipientChars}).
     */
    private static List<String> generate(JsonNode directive) {
        String shape = directive.path("shape").asText();
        String id = directive.path("id").asText("g");
        int count = directive.path("count").asInt(1);
        List<String> items = new ArrayList<>();
        switch (shape) {
            case "valid" -> TestSources.rules(id, count).forEach(rule -> items.add(rule.toString()));
            case "wrapped" -> {
                int depth = directive.path("depth").asInt();
                ObjectNode rule = rule(id);
                String leaf = rule.remove("spec").toString();
                String head = rule.toString();
                // as text: a tree this deep is not serialized by recursion
                items.add(head.substring(0, head.length() - 1) + ",\"spec\":" + "{\"kind\":\"wrapped\",\"inner\":".repeat(depth)
                        + leaf + "}".repeat(depth) + "}");
            }
            case "recipients" -> {
                ObjectNode rule = rule(id);
                ObjectNode spec = (ObjectNode) rule.get("spec");
                spec.put("channel", "pager").put("schedule", directive.path("schedule").asText("0 9 1 * *"));
                var recipients = spec.putArray("recipients");
                for (int i = count - 1; i >= 0; i--) {
                    recipients.add(String.format("key-%06d", i));
                }
                items.add(rule.toString());
            }
            case "padded" -> {
                String pad = "p".repeat(directive.path("bytesEach").asInt());
                for (JsonNode rule : TestSources.rules(id, count)) {
                    items.add(((ObjectNode) rule).put("notes", pad).toString());
                }
            }
            case "long" -> {
                ObjectNode rule = rule(id).put("tenant", "t".repeat(directive.path("tenantChars").asInt(4)));
                ((ObjectNode) rule.get("spec")).putArray("recipients")
                        .add("r".repeat(directive.path("recipientChars").asInt(3)) + "@example.com");
                items.add(rule.toString());
            }
            default -> throw new IllegalArgumentException("unknown generate shape '" + shape + "' in " + directive);
        }
        return items;
    }

    /** @return a valid enabled rule: email to one recipient, priority 1, daily at 09:00 */
    private static ObjectNode rule(String id) {
        ObjectNode rule = NODES.objectNode().put("id", id).put("tenant", "acme").put("version", 1).put("enabled", true);
        ObjectNode spec = rule.putObject("spec").put("kind", "simple").put("channel", "email").put("priority", 1)
                .put("schedule", "0 9 * * *");
        spec.putArray("recipients").add("ops@example.com");
        return rule;
    }

    /** The servers of one case and the edits that wait for a probe point. */
    private static final class Served implements ServedSources {
        final Map<String, LegacySourceServer> servers = new TreeMap<>();
        final InFlightGauge gauge = new InFlightGauge();
        final CaseEdits edits = new CaseEdits(edit -> apply(server(edit), edit));
        int faultsArmed;

        LegacySourceServer server(JsonNode entry) {
            LegacySourceServer server = servers.get(entry.path("source").asText());
            if (server == null) {
                throw new IllegalArgumentException("no source '" + entry.path("source").asText() + "' for " + entry
                        + " (sources: " + servers.keySet() + ")");
            }
            return server;
        }

        void schedule(JsonNode edit) {
            LegacySourceServer server = server(edit);
            edits.schedule(edit, (pages, action) -> server.faults().afterPages(pages, action));
        }

        private static void apply(LegacySourceServer server, JsonNode edit) {
            if (edit.has("delete")) {
                server.data().delete(edit.get("delete").asText());
            }
            if (edit.has("upsert")) {
                server.data().upsert((ObjectNode) edit.get("upsert"));
            }
        }

        @Override
        public List<String> sourceArgs() {
            List<String> args = new ArrayList<>();
            servers.values().forEach(s -> args.addAll(List.of("--source", s.name() + "=" + s.baseUrl())));
            return args;
        }

        @Override
        public int faultsArmed() {
            return faultsArmed;
        }

        @Override
        public void reached(String point) {
            edits.reached(point);
        }

        @Override
        public void close() {
            servers.values().forEach(LegacySourceServer::close);
        }
    }
}
