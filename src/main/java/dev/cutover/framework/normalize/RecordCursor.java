package dev.cutover.framework.normalize;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import dev.cutover.framework.migration.RawItem;
import dev.cutover.framework.normalize.OutcomeStore.KeyedItem;

/**
 * One source's legacy records in record key order, each as its copies in listing order, read
 * by keyset a batch of items at a time: each read starts after the last item read, so a pass costs
 * one bounded range scan per batch however large the run, and holds at most one batch in memory. A
 * record whose copies straddle two batches is handed out once the next batch shows where it ends.
 */
final class RecordCursor {

    /** Reads the next {@code limit} items of the source after (record key, index), in that order. */
    @FunctionalInterface
    interface ItemsAfter {
        List<KeyedItem> read(String recordKey, int index, int limit);
    }

    private final ItemsAfter items;
    private final int batch;
    private final Deque<List<RawItem>> buffer = new ArrayDeque<>();
    /** Copies read of the last record of the last batch: more of them may be in the next batch. */
    private List<RawItem> pending;
    private String pendingKey;
    private String afterKey;
    private int afterIndex;
    private boolean exhausted;

    /** @param afterKey the key of the source's last record already handed out ({@code ""}: none) */
    RecordCursor(String afterKey, int batch, ItemsAfter items) {
        this.items = items;
        this.batch = batch;
        this.afterKey = afterKey;
        // after every copy of that record: no item has a greater index
        this.afterIndex = Integer.MAX_VALUE;
    }

    /** @return the copies of the next record, or {@code null} after the last one */
    List<RawItem> next() {
        while (buffer.isEmpty() && !exhausted) {
            fill();
        }
        return buffer.poll();
    }

    private void fill() {
        List<KeyedItem> read = items.read(afterKey, afterIndex, batch);
        for (KeyedItem keyed : read) {
            RawItem item = keyed.item();
            String key = keyed.recordKey();
            if (!key.equals(pendingKey)) {
                if (pending != null) {
                    buffer.add(pending);
                }
                pending = new ArrayList<>(1);
                pendingKey = key;
            }
            pending.add(item);
            afterKey = keyed.recordKey();
            afterIndex = item.index();
        }
        if (read.size() < batch) {
            exhausted = true;
            if (pending != null) {
                buffer.add(pending);
                pending = null;
            }
        }
    }
}
