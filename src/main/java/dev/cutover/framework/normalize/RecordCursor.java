package dev.cutover.framework.normalize;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import dev.cutover.framework.migration.RawItem;
import dev.cutover.framework.normalize.OutcomeStore.KeyedItem;
import dev.cutover.framework.normalize.OutcomeStore.Position;

/**
 * The run's legacy records in (source, record key) order, each as its copies in listing order, read
 * by keyset a batch of items at a time: each read starts after the last item read, so a pass costs
 * one bounded range scan per batch however large the run, and holds at most one batch in memory. A
 * record whose copies straddle two batches is handed out once the next batch shows where it ends.
 */
final class RecordCursor {

    /** Reads the next {@code limit} items after (source, record key, index), in that order. */
    @FunctionalInterface
    interface ItemsAfter {
        List<KeyedItem> read(String source, String recordKey, int index, int limit);
    }

    private final ItemsAfter items;
    private final int batch;
    private final Deque<List<RawItem>> buffer = new ArrayDeque<>();
    /** Copies read of the last record of the last batch: more of them may be in the next batch. */
    private List<RawItem> pending;
    private String pendingKey;
    private String afterSource;
    private String afterKey;
    private int afterIndex;
    private boolean exhausted;

    /** @param after the last record already handed out ({@link Position#START}: none) */
    RecordCursor(Position after, int batch, ItemsAfter items) {
        this.items = items;
        this.batch = batch;
        this.afterSource = after.source();
        this.afterKey = after.recordKey();
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
        List<KeyedItem> read = items.read(afterSource, afterKey, afterIndex, batch);
        for (KeyedItem keyed : read) {
            RawItem item = keyed.item();
            String key = item.source() + '\u0000' + keyed.recordKey();
            if (!key.equals(pendingKey)) {
                if (pending != null) {
                    buffer.add(pending);
                }
                pending = new ArrayList<>(1);
                pendingKey = key;
            }
            pending.add(item);
            afterSource = item.source();
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
