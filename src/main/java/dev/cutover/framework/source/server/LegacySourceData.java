package dev.cutover.framework.source.server;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

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
 */
public final class LegacySourceData {

    /** One page of the listing; {@code nextOffset} is -1 on the last page. */
    public record Page(List<JsonNode> items, int nextOffset, int total, long watermark) {
    }

    /** Every rule changed after some watermark, at its current version, and the current watermark. */
    public record Changes(List<JsonNode> items, long watermark) {
    }

    private final List<JsonNode> items = new ArrayList<>();
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
            this.items.add(copy);
            String id = idOf(copy);
            if (id != null) {
                lastChange.put(id, initialWatermark);
            }
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
        ObjectNode copy = rule.deepCopy();
        boolean replaced = false;
        for (int i = 0; i < items.size(); i++) {
            if (id.equals(idOf(items.get(i)))) {
                items.set(i, copy);
                replaced = true;
            }
        }
        if (!replaced) {
            items.add(copy);
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
        items.removeIf(item -> id.equals(idOf(item)));
        return recordChange(id);
    }

    /** @return the number of distinct string ids currently listed (items without one do not count) */
    public synchronized int total() {
        Set<String> ids = new HashSet<>();
        for (JsonNode item : items) {
            String id = idOf(item);
            if (id != null) {
                ids.add(id);
            }
        }
        return ids.size();
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
        return List.copyOf(items);
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
        return new Page(List.copyOf(items.subList(from, to)), next, total(), watermark);
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
        for (JsonNode item : items) {
            if (id.equals(idOf(item))) {
                return item;
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

    /** @return the item's id when it is an object with a JSON string {@code id}, else {@code null} */
    static String idOf(JsonNode item) {
        JsonNode id = item == null ? null : item.get("id");
        return id != null && id.isTextual() ? id.asText() : null;
    }
}
