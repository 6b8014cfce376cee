package dev.cutover.migrations.ratelimits.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;

import dev.cutover.migrations.ratelimits.normalize.KvKey;

/**
 * The hostile part of each demo region: a few keys of every record anomaly code, superseded and
 * identical duplicate copies (which are not anomalies), all under the service {@code broken-<n>} or
 * keys of their own, so they never shadow a good setting.
 */
final class DemoAnomalies {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    // above every index the regular keys get, so appended copies rank as the store says
    private static final long HIGH_INDEX = 1_000_000;

    private DemoAnomalies() {
    }

    static void add(String region, KvStore store) {
        String p = KvKey.PREFIX;
        // MALFORMED_RECORD: a value of the wrong type, a modify_index of the wrong type, not an object
        store.put(p + "broken-1", JSON.numberNode(100));
        store.put(p + "broken-2", JSON.arrayNode().add("100/s"));
        store.append("{\"key\":\"" + p + "broken-3\",\"value\":\"10/s\",\"modify_index\":\"7\"}", p + "broken-3", 7);
        // MISSING_FIELD: no value, a null value, an object without 'per'
        store.append("{\"key\":\"" + p + "broken-4\",\"modify_index\":8}", p + "broken-4", 8);
        store.put(p + "broken-5/routes/%2Fa", JSON.nullNode());
        store.put(p + "broken-6", JSON.objectNode().put("rate", 10));
        // MALFORMED_KEY: upper-case service, unknown layout, bad percent-encoding
        store.put(p + "Broken-7", TextNode.valueOf("10/s"));
        store.put(p + "broken-8/paths/%2Fa", TextNode.valueOf("10/s"));
        store.put(p + "broken-9/routes/%ZZorders", TextNode.valueOf("10/s"));
        // UNKNOWN_TIER
        store.put(p + "broken-10/routes/%2Fa/tiers/gold", TextNode.valueOf("10/s"));
        store.put(p + "broken-10/routes/%2Fa/tiers/platinum", TextNode.valueOf("10/s"));
        // INVALID_RATE: no rate, an unknown period, a rate of the wrong type
        store.put(p + "broken-11", TextNode.valueOf("fast"));
        store.put(p + "broken-12", TextNode.valueOf("100/fortnight"));
        store.put(p + "broken-13", JSON.objectNode().put("rate", "100").put("per", "1s"));
        // NON_POSITIVE_RATE
        store.put(p + "broken-14", TextNode.valueOf("0/s"));
        store.put(p + "broken-15", TextNode.valueOf("-5 per minute"));
        // INVALID_BURST
        store.put(p + "broken-16", TextNode.valueOf("100/s burst 0"));
        store.put(p + "broken-17", JSON.objectNode().put("rate", 10).put("per", "1s").put("burst", 2.5));
        // DUPLICATE_KEY: two different copies at the highest index
        duplicate(store, p + "broken-18", "10/s", HIGH_INDEX, "20/s", HIGH_INDEX);
        // not anomalies: a superseded copy (the higher index stands) and identical copies (one record)
        duplicate(store, p + "dup-" + region + "-superseded", "10/s", HIGH_INDEX + 1, "99/s", 1);
        duplicate(store, p + "dup-" + region + "-identical", "5/s", HIGH_INDEX + 2, "5/s", HIGH_INDEX + 2);
    }

    private static void duplicate(KvStore store, String key, String first, long firstIndex, String second, long secondIndex) {
        store.append(entry(key, first, firstIndex), key, firstIndex);
        store.append(entry(key, second, secondIndex), key, secondIndex);
    }

    private static String entry(String key, String value, long index) {
        JsonNode entry = JSON.objectNode().put("key", key).put("value", value).put("modify_index", index);
        return entry.toString();
    }
}
