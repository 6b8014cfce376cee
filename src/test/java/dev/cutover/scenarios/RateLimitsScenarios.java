package dev.cutover.scenarios;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;

import dev.cutover.framework.source.ListedItems;
import dev.cutover.framework.source.SourceItem;
import dev.cutover.framework.toolkit.LegacyJson;
import dev.cutover.migrations.ratelimits.demo.KvSourceServer;
import dev.cutover.migrations.ratelimits.demo.KvStore;

/**
 * Scenarios of {@code rate-limits-v2}: each source is a region, a real {@link KvSourceServer} serving a
 * {@link KvStore} (PROTOCOL.md of {@code migrations/ratelimits/source}) behind a {@link KvFront} that
 * breaks the answers the case's {@code faults} arm. A region lists the entries of its data file, each
 * exactly as written there (a slice of the file, never re-serialized: a fraction, a duplicate field or
 * a {@code modify_index} beyond 2^63 reach Cutover as written), then the entries its {@code generate}
 * directives make (big shapes are generated, never committed); edits change the store while the run
 * goes on, at the next modify index, as a real store's writes do.
 */
final class RateLimitsScenarios implements ScenarioMigration {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Override
    public String name() {
        return "rate-limits-v2";
    }

    @Override
    public ServedSources serve(Path dataDir, JsonNode scenario) throws IOException {
        Map<String, JsonNode> settings = ScenarioMigration.sourceSettings(dataDir, scenario);
        Served served = new Served();
        try {
            for (Map.Entry<String, JsonNode> source : settings.entrySet()) {
                KvStore store = new KvStore();
                Path file = dataDir.resolve(source.getKey() + ".json");
                if (Files.exists(file)) {
                    listExactly(file, store);
                }
                for (JsonNode directive : source.getValue().path("generate")) {
                    generate(directive, store);
                }
                int pageCap = source.getValue().path("pageCap").asInt(KvSourceServer.MAX_LIMIT);
                KvSourceServer server = new KvSourceServer(source.getKey(), store, pageCap);
                served.stores.put(source.getKey(), server);
                server.start();
                KvFront front = new KvFront(source.getKey(), server);
                served.fronts.put(source.getKey(), front);
                front.start();
            }
            for (JsonNode fault : scenario.path("faults")) {
                served.faultsArmed += served.front(fault).arm(fault);
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

    /** The file's array of entries, each listed as its exact text, at the modify index it claims. */
    private static void listExactly(Path file, KvStore store) throws IOException {
        String text = Files.readString(file);
        try (JsonParser parser = LegacyJson.FACTORY.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new IllegalArgumentException(file + ": a region's data is a JSON array of entries");
            }
            for (SourceItem entry : ListedItems.read(parser, text, "key", "modify_index")) {
                BigInteger index = entry.version();
                // an index beyond a long is listed as written; the store's own index just does not follow it
                store.append(entry.json(), entry.listedId(), index != null && index.bitLength() < Long.SIZE ? index.longValue() : 0);
            }
        }
    }

    /**
     * Big or repetitive shapes, made here from a small directive instead of committed (keys
     * {@code ratelimits/<id>-<i>}, each written at the store's next modify index): {@code valid}
     * ({@code count} entries of {@code value}, default {@code "100/s"}), {@code padded} ({@code count}
     * object values each with an ignored {@code notes} of {@code bytesEach} characters), {@code nested}
     * (one entry whose {@code value} is, or whose object value holds in an ignored field, arrays nested
     * {@code depth} deep: {@code "in": "value"} or {@code "ignored"}), {@code bigValue} (one entry whose
     * value is a rate spelling of {@code bytes} digits).
     */
    private static void generate(JsonNode directive, KvStore store) {
        String shape = directive.path("shape").asText();
        String id = directive.path("id").asText("g");
        int count = directive.path("count").asInt(1);
        switch (shape) {
            case "valid" -> {
                JsonNode value = directive.has("value") ? directive.get("value") : TextNode.valueOf("100/s");
                for (int i = 0; i < count; i++) {
                    store.put("ratelimits/" + id + "-" + i, value);
                }
            }
            case "padded" -> {
                String pad = "p".repeat(directive.path("bytesEach").asInt());
                for (int i = 0; i < count; i++) {
                    store.put("ratelimits/" + id + "-" + i, NODES.objectNode().put("rate", 100).put("per", "1s").put("notes", pad));
                }
            }
            case "nested" -> {
                int depth = directive.path("depth").asInt();
                String deep = "[".repeat(depth) + "]".repeat(depth);
                String value = switch (directive.path("in").asText("value")) {
                    case "value" -> deep;
                    case "ignored" -> "{\"rate\":100,\"per\":\"1s\",\"notes\":" + deep + "}";
                    default -> throw new IllegalArgumentException("nested 'in' is value or ignored: " + directive);
                };
                // as text: a tree this deep is not serialized by recursion
                String key = "ratelimits/" + id;
                long index = store.watermark() + 1;
                store.append("{\"key\":\"" + key + "\",\"value\":" + value + ",\"modify_index\":" + index + "}", key, index);
            }
            case "bigValue" -> store.put("ratelimits/" + id, TextNode.valueOf("1".repeat(directive.path("bytes").asInt()) + "/s"));
            default -> throw new IllegalArgumentException("unknown generate shape '" + shape + "' in " + directive);
        }
    }

    /** The regions of one case and the edits that wait for a probe point. */
    private static final class Served implements ServedSources {
        final Map<String, KvSourceServer> stores = new TreeMap<>();
        final Map<String, KvFront> fronts = new TreeMap<>();
        final CaseEdits edits = new CaseEdits(this::apply);
        int faultsArmed;

        KvFront front(JsonNode entry) {
            KvFront front = fronts.get(entry.path("source").asText());
            if (front == null) {
                throw new IllegalArgumentException("no source '" + entry.path("source").asText() + "' for " + entry
                        + " (sources: " + fronts.keySet() + ")");
            }
            return front;
        }

        void schedule(JsonNode edit) {
            edits.schedule(edit, front(edit)::afterPages);
        }

        /** {@code put} ({@code {"key", "value"}}) and/or {@code delete} (a key), at the store's next modify index. */
        private void apply(JsonNode edit) {
            KvStore store = stores.get(edit.path("source").asText()).store();
            if (edit.has("delete")) {
                store.delete(edit.get("delete").asText());
            }
            if (edit.has("put")) {
                store.put(edit.get("put").path("key").asText(), edit.get("put").path("value"));
            }
            if (!edit.has("delete") && !edit.has("put")) {
                throw new IllegalArgumentException("an edit puts or deletes: " + edit);
            }
        }

        @Override
        public List<String> sourceArgs() {
            List<String> args = new ArrayList<>();
            fronts.values().forEach(f -> args.addAll(List.of("--source", f.name() + "=" + f.baseUrl())));
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
            fronts.values().forEach(KvFront::close);
            stores.values().forEach(KvSourceServer::close);
        }
    }
}
