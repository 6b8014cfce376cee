package dev.cutover.migrations.ratelimits;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import dev.cutover.framework.migration.RawItem;
import dev.cutover.framework.source.SourceItem;

/** Legacy KV entries for tests. */
public final class Entries {

    private Entries() {
    }

    public static String json(String key, JsonNode value, long index) {
        ObjectNode entry = JsonNodeFactory.instance.objectNode().put("key", key);
        entry.set("value", value);
        return entry.put("modify_index", index).toString();
    }

    public static String json(String key, String value, long index) {
        return json(key, TextNode.valueOf(value), index);
    }

    public static SourceItem item(String key, String value, long index) {
        return new SourceItem(json(key, value, index), key, BigInteger.valueOf(index));
    }

    public static SourceItem item(String key, JsonNode value, long index) {
        return new SourceItem(json(key, value, index), key, BigInteger.valueOf(index));
    }

    /** @return copies of one record as the normalizer gets them */
    public static List<RawItem> copies(String... json) {
        return Arrays.stream(json).map(j -> new RawItem("eu", 0, "k", j)).toList();
    }
}
