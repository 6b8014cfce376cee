package dev.cutover.framework.source.server;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;

import dev.cutover.framework.toolkit.LegacyJson;

/**
 * The thread-safe, in-memory content of one legacy source: an ordered listing of arbitrary JSON
 * items and a change counter (the watermark), as the legacy source API (DESIGN.md §4) exposes them.
 *
 * <p>Items are kept exactly as given, in listing order: they may be non-objects, lack an id or share
 * an id with other items. Only items whose {@code id} is a JSON string take part in {@link #total()}
 * and in change tracking. Every item given at construction counts as written at the initial
 * watermark, so {@code changesSince(w)} with {@code w} below it lists them all.
 *
 * <p>Every read ({@link #page}, {@link #changes}) is one consistent snapshot, but nothing holds the
 * listing still between two reads: edits in between shift offsets and change {@code total} and the
 * watermark, like a live source that is edited while it is being listed.
 *
 * <p>A page costs O(page): the distinct ids are counted as items are written, not on every read. Items
 * may also be given as JSON text ({@link #ofJsonText}): they are then kept and served as that text,
 * without a tree per item, so that a source of a million items fits in a few hundred MB.
 */
public final class LegacySourceData {

    /** One page of the listing; {@code nextOffset} is -1 on the last page. */
    public record Page(List<JsonNode> items, int nextOffset, int total, long watermark) {
    }

    /** Every rule changed after some watermark, at its current version, and the current watermark. */
    public record Changes(List<JsonNode> items, long watermark) {
    }

    // the client's limits (LegacyJson), not Jackson's defaults: an item nested 10,000 deep is served as given
    private static final JsonFactory TEXT = LegacyJson.FACTORY;

    /** A listed item and its string id ({@code null} when it has none), read once when it is written. */
    private record Listed(JsonNode node, String id) {
    }

    private final List<Listed> items = new ArrayList<>();
    /** the distinct string ids currently listed: {@link #total()} without a pass over the listing */
    private final Set<String> listedIds = new HashSet<>();
    /** id -> watermark of its last change, in order of last change (re-inserted on every change). */
    private final Map<String, Long> lastChange = new LinkedHashMap<>();
    private long watermark;

    /** A source holding copies of {@code items}, all written at watermark {@code initialWatermark}. */
    public LegacySourceData(List<? extends JsonNode> items, long initialWatermark) {
        if (initialWatermark < 0) {
            throw new IllegalArgumentException("watermark must be >= 0: " + initialWatermark);
        }
        this.watermark = initialWatermark;
        for (JsonNode item : items) {
            JsonNode copy = Objects.requireNonNull(item, "item").deepCopy();
            list(new Listed(copy, idOf(copy)));
        }
    }

    private LegacySourceData(long initialWatermark) {
        if (initialWatermark < 0) {
            throw new IllegalArgumentException("watermark must be >= 0: " + initialWatermark);
        }
        this.watermark = initialWatermark;
    }

    /**
     * A source of items given as JSON text, all written at watermark 1, for large listings: each item
     * is kept as its text and served exactly as given (in {@link #page}, {@link #items()} and the
     * changes it is a raw-value node, not a tree); its {@code id} (a top-level JSON string) is read
     * once here. Edits ({@link #upsert}, {@link #delete}) work as on any source.
     *
     * @throws IllegalArgumentException when an item is not well-formed JSON
     */
    public static LegacySourceData ofJsonText(Iterable<String> items) {
        LegacySourceData data = new LegacySourceData(1);
        for (String text : items) {
            Objects.requireNonNull(text, "item");
            data.list(new Listed(JsonNodeFactory.instance.rawValueNode(new RawValue(text)), idOfText(text)));
        }
        return data;
    }

    private void list(Listed item) {
        items.add(item);
        if (item.id() != null) {
            listedIds.add(item.id());
            lastChange.put(item.id(), watermark);
        }
    }

    /** A source holding copies of {@code items} at watermark 1. */
    public LegacySourceData(List<? extends JsonNode> items) {
        this(items, 1);
    }

    /**
     * Writes a new version of the rule with {@code rule}'s id: every listed copy of that id is replaced
     * in place (so the listing keeps its order and indices), or the rule is appended when the id is
     * not listed. Bumps the watermark.
     *
     * @return the new watermark
     * @throws IllegalArgumentException when {@code rule} has no string {@code id}
     */
    public synchronized long upsert(ObjectNode rule) {
        String id = idOf(rule);
        if (id == null) {
            throw new IllegalArgumentException("upsert needs a rule with a string id: " + rule);
        }
        Listed copy = new Listed(rule.deepCopy(), id);
        boolean replaced = false;
        for (int i = 0; i < items.size(); i++) {
            if (id.equals(items.get(i).id())) {
                items.set(i, copy);
                replaced = true;
            }
        }
        if (!replaced) {
            items.add(copy);
            listedIds.add(id);
        }
        return recordChange(id);
    }

    /**
     * Removes every listed copy of {@code id}; later items move up by the number removed. Bumps the
     * watermark even when nothing was listed under that id (a delete is still an edit).
     *
     * @return the new watermark
     */
    public synchronized long delete(String id) {
        Objects.requireNonNull(id, "id");
        items.removeIf(item -> id.equals(item.id()));
        listedIds.remove(id);
        return recordChange(id);
    }

    /** @return the number of distinct string ids currently listed (items without one do not count) */
    public synchronized int total() {
        return listedIds.size();
    }

    /** @return the current change counter; it grows by one on every edit */
    public synchronized long watermark() {
        return watermark;
    }

    /** @return the number of listed items, whatever they are */
    public synchronized int size() {
        return items.size();
    }

    /** @return a copy of the whole listing, in order */
    public synchronized List<JsonNode> items() {
        return items.stream().map(Listed::node).toList();
    }

    /**
     * @return up to {@code limit} items from {@code offset} (an offset past the end gives an empty last
     *         page), with the total and watermark of the same instant
     */
    public synchronized Page page(int offset, int limit) {
        if (offset < 0 || limit < 1) {
            throw new IllegalArgumentException("offset " + offset + ", limit " + limit);
        }
        int from = Math.min(offset, items.size());
        int to = Math.min(items.size(), from + limit);
        int next = to < items.size() ? to : -1;
        return new Page(items.subList(from, to).stream().map(Listed::node).toList(), next, total(), watermark);
    }

    /** The changes answer of {@code GET /v1/changes?since=...}; see {@link #changesSince(long)}. */
    public synchronized Changes changes(long since) {
        return new Changes(changesSince(since), watermark);
    }

    /**
     * Every rule changed after {@code since}, once each, in order of last change: its current
     * version (the first listed copy), or {@code {"id": ..., "deleted": true}} when no copy is
     * listed any more.
     */
    public synchronized List<JsonNode> changesSince(long since) {
        List<JsonNode> changed = new ArrayList<>();
        for (Map.Entry<String, Long> change : lastChange.entrySet()) {
            if (change.getValue() > since) {
                changed.add(current(change.getKey()));
            }
        }
        return changed;
    }

    private JsonNode current(String id) {
        for (Listed item : items) {
            if (id.equals(item.id())) {
                return item.node();
            }
        }
        ObjectNode deleted = JsonNodeFactory.instance.objectNode();
        deleted.put("id", id);
        deleted.put("deleted", true);
        return deleted;
    }

    private long recordChange(String id) {
        watermark++;
        lastChange.remove(id);
        lastChange.put(id, watermark);
        return watermark;
    }

    /** @return the id of an item given as text, as {@link #idOf} reads it from its tree (the last {@code id} wins) */
    private static String idOfText(String text) {
        try (JsonParser parser = TEXT.createParser(text)) {
            String id = null;
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_OBJECT) {
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    JsonToken value = parser.nextToken();
                    if ("id".equals(field)) {
                        id = value == JsonToken.VALUE_STRING ? parser.getText() : null;
                    }
                    parser.skipChildren();
                }
            } else {
                parser.skipChildren();
            }
            if (parser.nextToken() != null) {
                throw new IllegalArgumentException("not one JSON value: " + text);
            }
            return id;
        } catch (IOException e) {
            throw new IllegalArgumentException("not well-formed JSON: " + text, e);
        }
    }

    /** @return the item's id when it is an object with a JSON string {@code id}, else {@code null} */
    static String idOf(JsonNode item) {
        JsonNode id = item == null ? null : item.get("id");
        return id != null && id.isTextual() ? id.asText() : null;
    }
}
