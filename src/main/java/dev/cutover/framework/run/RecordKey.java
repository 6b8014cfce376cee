package dev.cutover.framework.run;

import dev.cutover.framework.toolkit.Sha256;

/**
 * The key that groups the copies of one legacy record within a source: {@code i:<id>} for an item
 * with a usable id of at most {@value #LONGEST_SPELLED_ID} code points, {@code d:<sha256 hex of the
 * id's UTF-8>} for a longer one, {@code x:<index>} (zero-padded, so keys sort by index) for one
 * without. Keys are indexed, and a btree index row holds at most about 2700 bytes, so an id of any
 * length must not become a key of that length; the full id is kept beside the key ({@code rec_id},
 * not indexed). Sorted with the "C" collation in PostgreSQL, so the order of records is the same in
 * every run, restarts included: a key depends on the id (or index) alone.
 */
public final class RecordKey {

    /** Longest id, in code points, that is its own key (at most 800 bytes of UTF-8). */
    public static final int LONGEST_SPELLED_ID = 200;

    private RecordKey() {
    }

    /**
     * @param id    the usable id, or {@code null}
     * @param index the item's listing index, used only when {@code id} is {@code null}
     */
    public static String of(String id, Integer index) {
        if (id == null) {
            return "x:" + String.format("%010d", index);
        }
        return bounded(id, "i:", "d:");
    }

    /**
     * @return {@code spelled} + the text when it has at most {@value #LONGEST_SPELLED_ID} code points, else
     *         {@code hashed} + the SHA-256 hex of its UTF-8: a key of bounded length for an index
     */
    public static String bounded(String text, String spelled, String hashed) {
        return text.codePointCount(0, text.length()) <= LONGEST_SPELLED_ID ? spelled + text : hashed + Sha256.hex(text);
    }
}
