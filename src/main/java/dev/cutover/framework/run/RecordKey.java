package dev.cutover.framework.run;

/**
 * The key that groups the copies of one legacy record within a source: {@code i:<id>} for an item
 * with a usable id, {@code x:<index>} (zero-padded, so keys sort by index) for one without. Sorted
 * with the "C" collation in PostgreSQL, so the order of records is the same in every run.
 */
public final class RecordKey {

    private RecordKey() {
    }

    public static String of(String id, Integer index) {
        return id != null ? "i:" + id : "x:" + String.format("%010d", index);
    }
}
