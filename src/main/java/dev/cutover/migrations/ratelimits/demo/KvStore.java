package dev.cutover.migrations.ratelimits.demo;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The data of one regional KV store as {@link KvSourceServer} serves it: entries in listing order,
 * each kept as raw JSON text so that tests can list anything (duplicates, non-objects, entries nested
 * far deeper than a serializer writes), and the store's modify index. Thread-safe: tests edit it while
 * the server serves it (drift). A page costs O(page): the distinct keys are counted as entries are
 * written, not on every read.
 */
public final class KvStore {

    /** One listed entry: its exact JSON text, its key when it has a string one, and its modify index. */
    public record Entry(String json, String key, long modifyIndex) {
    }

    /** One page of the listing. @param nextOffset -1 on the last page */
    public record Page(List<String> entries, long total, long nextOffset, long watermark) {
    }

    /** One change since an index. */
    public record Change(String key, long modifyIndex, boolean deleted) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private final Map<String, Change> changes = new LinkedHashMap<>();
    /** the distinct string keys currently listed: a page's {@code total} without a pass over the listing */
    private final Set<String> listedKeys = new HashSet<>();
    private long index;

    /** Adds or replaces (every copy of) {@code key} with {@code value} at the next modify index. */
    public synchronized long put(String key, JsonNode value) {
        long at = ++index;
        ObjectNode entry = JsonNodeFactory.instance.objectNode().put("key", key);
        entry.set("value", value);
        entry.put("modify_index", at);
        Entry listed = new Entry(entry.toString(), key, at);
        int position = firstPosition(key);
        entries.removeIf(e -> key.equals(e.key()));
        entries.add(position < 0 ? entries.size() : Math.min(position, entries.size()), listed);
        listedKeys.add(key);
        changes.put(key, new Change(key, at, false));
        return at;
    }

    /**
     * Lists an entry exactly as given, after the others (a test's hostile or duplicate entry).
     *
     * @param key         its key when it has a string one, for {@code total} and changes; else {@code null}
     * @param modifyIndex the index it claims; the store's index becomes at least this
     */
    public synchronized void append(String json, String key, long modifyIndex) {
        entries.add(new Entry(json, key, modifyIndex));
        if (key != null) {
            listedKeys.add(key);
        }
        index = Math.max(index, modifyIndex);
    }

    /** Deletes every copy of {@code key} at the next modify index. */
    public synchronized void delete(String key) {
        long at = ++index;
        entries.removeIf(e -> key.equals(e.key()));
        listedKeys.remove(key);
        changes.put(key, new Change(key, at, true));
    }

    public synchronized Page page(long offset, int limit) {
        int from = (int) Math.min(offset, entries.size());
        int to = (int) Math.min((long) from + limit, entries.size());
        List<String> json = entries.subList(from, to).stream().map(Entry::json).toList();
        return new Page(json, listedKeys.size(), to < entries.size() ? to : -1, index);
    }

    /** @return every key changed (put or deleted through this store) after {@code since} */
    public synchronized List<Change> changesSince(long since) {
        return changes.values().stream().filter(c -> c.modifyIndex() > since).toList();
    }

    public synchronized long watermark() {
        return index;
    }

    /** @return the number of listed entries, whatever they are */
    public synchronized int size() {
        return entries.size();
    }

    /** @return the listed entries, in order */
    public synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }

    private int firstPosition(String key) {
        for (int i = 0; i < entries.size(); i++) {
            if (key.equals(entries.get(i).key())) {
                return i;
            }
        }
        return -1;
    }
}
